import Foundation

/// Carries the loop, built on the caller's thread (so a socket that cannot be bound fails
/// `ReportDaemon.init`), to the thread that runs it. After the handoff only that thread touches
/// the loop. The one unchecked claim is enforced here: the loop is taken once, under a lock, and
/// a second run fails with `LoopAlreadyRan`.
final class LoopHandoff: @unchecked Sendable {
    private let lock = NSLock()
    private var loop: DaemonLoop?

    init(_ loop: DaemonLoop) {
        self.loop = loop
    }

    /// Runs the loop on a thread of its own and returns when it has shut down.
    func runOnOwnThread() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    try self.take().run()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "reportd-loop"
            thread.start()
        }
    }

    private func take() throws -> DaemonLoop {
        try lock.withLock {
            guard let loop else { throw LoopAlreadyRan() }
            self.loop = nil
            return loop
        }
    }
}

/// A `ReportDaemon` runs its loop once: its sockets are closed when the loop stops.
struct LoopAlreadyRan: Error, CustomStringConvertible {
    var description: String { "this ReportDaemon has already run; make a new one to run the daemon again" }
}
