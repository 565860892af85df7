/// Why a reportctl command could not do its job (ControlClientError covers talking to the daemon); ArgumentParser prints the description and exits 1.
enum CLIError: Error, CustomStringConvertible {
    case invalidReportId(String)
    case unreadableFile(path: String, reason: String)
    case someSubmissionsFailed(failed: Int, total: Int)
    case unwritableOutput(reason: String)

    var description: String {
        switch self {
        case .invalidReportId(let text):
            "'\(text)' is not a report id: give at least 8 hexadecimal digits of the SHA-256 (at most 64)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        case .someSubmissionsFailed(let failed, let total):
            "\(failed) of \(total) files were not submitted"
        case .unwritableOutput(let reason):
            "cannot write to standard output: \(reason)"
        }
    }
}
