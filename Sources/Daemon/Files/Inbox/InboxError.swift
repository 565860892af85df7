import Foundation

/// Failures of the inbox watcher and of moving files out of the inbox.
public struct InboxError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    /// The errno behind the failure, when a system call failed.
    public let errno: Int32?

    public init(_ message: String, errno: Int32? = nil) {
        self.message = message
        self.errno = errno
    }

    public var description: String { message }
}

/// `strerror` as a Swift string.
func describeErrno(_ code: Int32) -> String {
    String(cString: strerror(code))
}
