/// Why a reportctl command could not do its job; ArgumentParser prints the description and exits 1.
enum CLIError: Error, CustomStringConvertible {
    case noReply(endpoint: String, seconds: Double, curve: Bool)
    case daemonRefused(command: String, reason: String)
    case badReply(command: String, detail: String)
    case invalidReportId(String)
    case unreadableFile(path: String, reason: String)
    case someSubmissionsFailed(failed: Int, total: Int)
    case unwritableOutput(reason: String)
    case interrupted

    var description: String {
        switch self {
        case .noReply(let endpoint, let seconds, let curve):
            "no reply from the daemon at \(endpoint) within \(Formatting.seconds(seconds)): is reportd running?"
                + (curve ? " Is this client's public key in its authorised keys, and --server-key its public key?" : "")
        case .daemonRefused(let command, let reason):
            "the daemon refused \(command): \(reason)"
        case .badReply(let command, let detail):
            "the daemon's reply to \(command) does not follow the control protocol: \(detail)"
        case .invalidReportId(let text):
            "'\(text)' is not a report id: give at least 8 hexadecimal digits of the SHA-256 (at most 64)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        case .someSubmissionsFailed(let failed, let total):
            "\(failed) of \(total) files were not submitted"
        case .unwritableOutput(let reason):
            "cannot write to standard output: \(reason)"
        case .interrupted:
            "interrupted"
        }
    }
}
