/// Why a reportctl command could not do its job (ControlClientError covers talking to the daemon);
/// main.swift prints the description and exits with the status `ExitStatus` gives it.
enum CLIError: Error, CustomStringConvertible {
    case invalidReportId(String)
    /// The control endpoint is an ipc socket file that does not exist.
    case noDaemonSocket(path: String)
    case unreadableFile(path: String, reason: String)
    case someSubmissionsFailed(failed: Int, total: Int)
    case unwritableOutput(reason: String)
    /// `submit --wait`: some reports ended failed.
    case reportsFailed(failed: Int, total: Int)
    /// `submit --wait`: the time ran out with these files' reports still on their way.
    case waitTimedOut(seconds: Double, pending: [String])

    var description: String {
        switch self {
        case .invalidReportId(let text):
            "'\(text)' is not a report id: give at least 8 hexadecimal digits of the SHA-256 (at most 64)"
        case .noDaemonSocket(let path):
            "no daemon listens at \(path): is reportd running? (--data-dir or --control name another daemon)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        case .someSubmissionsFailed(let failed, let total):
            "\(failed) of \(total) files were not submitted"
        case .unwritableOutput(let reason):
            "cannot write to standard output: \(reason)"
        case .reportsFailed(let failed, let total):
            "\(failed) of \(total) reports failed (reportctl list --failed shows why)"
        case .waitTimedOut(let seconds, let pending):
            "still waiting after \(Formatting.seconds(seconds)) for " + pending.joined(separator: ", ")
                + " (raise --wait-timeout; reportctl status shows the queues)"
        }
    }
}
