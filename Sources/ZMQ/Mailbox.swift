#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Values handed from other threads to a poll loop. The loop adds `fileDescriptor`
/// (the read end of a non-blocking pipe) to its `Poller` next to its sockets, and calls
/// `take()` when it turns readable. Signal handlers and job threads post; only the loop takes.
public final class Mailbox<Value>: @unchecked Sendable {
    public let fileDescriptor: Int32
    private let writeEnd: Int32
    private let lock = NSLock()
    private var values: [Value] = []

    public init() {
        var ends: [Int32] = [-1, -1]
        pipe(&ends)
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        fileDescriptor = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(fileDescriptor)
        close(writeEnd)
    }

    public func post(_ value: Value) {
        lock.withLock { values.append(value) }
        // A full pipe already guarantees a wake-up, so a failed write loses nothing.
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    public func take() -> [Value] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(fileDescriptor, &buffer, buffer.count) > 0 {}
        return lock.withLock {
            defer { values.removeAll() }
            return values
        }
    }
}
