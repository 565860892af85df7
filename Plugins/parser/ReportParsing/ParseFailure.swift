/// Why a file could not be parsed. `reason` names the file and what it is or what is wrong
/// with it; `retryable` is false when the input itself is bad (retrying cannot help).
public struct ParseFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var retryable: Bool

    public init(reason: String, retryable: Bool) {
        self.reason = reason
        self.retryable = retryable
    }

    public var description: String { reason }
}
