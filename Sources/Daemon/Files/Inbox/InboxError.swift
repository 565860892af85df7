import Foundation

/// Failures of the inbox watcher and of moving files out of the inbox.
struct InboxError: Error, CustomStringConvertible, Equatable, Sendable {
    let message: String
    /// The errno behind the failure, when a system call failed.
    let errno: Int32?

    init(_ message: String, errno: Int32? = nil) {
        self.message = message
        self.errno = errno
    }

    var description: String { message }
}

/// `strerror` as a Swift string.
func describeErrno(_ code: Int32) -> String {
    String(cString: strerror(code))
}
