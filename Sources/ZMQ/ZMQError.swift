import CZMQ

/// A failed libzmq call: the errno it left and `zmq_strerror`'s text for it.
public struct ZMQError: Error, CustomStringConvertible, Equatable, Sendable {
    public let code: Int32
    public let operation: String
    public let message: String

    /// Captures `zmq_errno()` right after a failed call, naming what was attempted.
    static func last(_ operation: String) -> ZMQError {
        let code = zmq_errno()
        return ZMQError(code: code, operation: operation, message: String(cString: zmq_strerror(code)))
    }

    public var description: String { "\(operation): \(message) (errno \(code))" }

    /// The call was interrupted by a signal; callers usually retry.
    public var isInterrupted: Bool { code == EINTR }
    /// Nothing to receive, or the send would block (EAGAIN).
    public var wouldBlock: Bool { code == EAGAIN }
    /// The context was terminated while the call was blocked.
    public var isTerminated: Bool { code == ETERM }
    /// A ROUTER with `ZMQ_ROUTER_MANDATORY` could not route to the identity.
    public var isUnroutable: Bool { code == EHOSTUNREACH }
}
