import Foundation

/// The secret a plugin process gets in REPORTD_WORKER_TOKEN and repeats in its READY: the
/// daemon's only proof of which of its processes a connection belongs to (a worker's declared
/// pid could name any process). 128 random bits, new for every spawn.
enum WorkerToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
    }
}
