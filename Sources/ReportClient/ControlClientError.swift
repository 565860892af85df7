/// Why a request to the daemon's control socket got no usable answer.
public enum ControlClientError: Error, CustomStringConvertible, Equatable {
    case noReply(endpoint: String, seconds: Double, curve: Bool)
    case daemonRefused(command: String, reason: String)
    case badReply(command: String, detail: String)
    /// The caller's `isInterrupted` turned true while waiting.
    case interrupted

    public var description: String {
        switch self {
        case .noReply(let endpoint, let seconds, let curve):
            "no reply from the daemon at \(endpoint) within \(Self.seconds(seconds)): is reportd running?"
                + (curve ? " Is this client's public key in its authorised keys, and --server-key its public key?" : "")
        case .daemonRefused(let command, let reason):
            "the daemon refused \(command): \(reason)"
        case .badReply(let command, let detail):
            "the daemon's reply to \(command) does not follow the control protocol: \(detail)"
        case .interrupted:
            "interrupted"
        }
    }

    /// "1 s", "0.5 s": whole seconds without a decimal point.
    private static func seconds(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? "\(Int64(value)) s" : "\(value) s"
    }
}
