import ReportClient

/// reportctl's exit statuses, from sysexits(3), so a script can tell "no such report" from "no
/// daemon" from "refused" without reading the message. docs/OPERATIONS.md and the man page list them.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// Any failure not named below, the daemon's own errors included.
    case failure = 1
    /// EX_USAGE: a flag, argument or value is wrong (ArgumentParser's own validation uses it too).
    case usage = 64
    /// EX_DATAERR: the daemon's reply does not follow the control protocol.
    case badReply = 65
    /// EX_NOINPUT: the report, or a file to submit, does not exist.
    case notFound = 66
    /// EX_UNAVAILABLE: no daemon answered at the control endpoint.
    case unavailable = 69
    /// EX_IOERR: standard output cannot be written.
    case outputError = 74
    /// EX_TEMPFAIL: `submit --wait` ran out of time; the reports may still finish.
    case timedOut = 75
    /// EX_NOPERM: the daemon understood and refused (the report has not failed, it is shutting
    /// down, no worker serves the service).
    case refused = 77
    /// 128 + SIGINT, as a shell reports a command stopped by Ctrl-C.
    case interrupted = 130

    /// The status for an error reportctl throws; nil for ArgumentParser's own (help, usage),
    /// which it maps itself.
    init?(for error: Error) {
        switch error {
        case let error as ControlClientError:
            switch error {
            case .noReply: self = .unavailable
            case .badReply: self = .badReply
            case .interrupted: self = .interrupted
            case .daemonRefused(_, _, let code):
                switch code {
                case .invalid: self = .usage
                case .notFound: self = .notFound
                case .refused: self = .refused
                case .internal, nil: self = .failure
                }
            }
        case let error as CLIError:
            switch error {
            case .invalidReportId: self = .usage
            case .noDaemonSocket: self = .unavailable
            case .unreadableFile: self = .notFound
            case .someSubmissionsFailed: self = .failure
            case .unwritableOutput: self = .outputError
            case .reportsFailed: self = .failure
            case .waitTimedOut: self = .timedOut
            }
        default:
            return nil
        }
    }

    /// What each status means, for `--help` and the man page.
    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "any other failure, the daemon's own errors included"
        case .usage: "a flag, argument or value is wrong"
        case .badReply: "the daemon's reply does not follow the control protocol"
        case .notFound: "the report, or a file to submit, does not exist"
        case .unavailable: "no daemon answered at the control endpoint"
        case .outputError: "standard output cannot be written"
        case .timedOut: "submit --wait ran out of time; the reports may still finish"
        case .refused: "the daemon refused: the report has not failed, it is shutting down, or no worker serves the service"
        case .interrupted: "interrupted by Ctrl-C"
        }
    }
}
