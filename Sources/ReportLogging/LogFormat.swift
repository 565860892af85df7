import Logging

/// How log lines are written: `plain` for people (and the journal), `json` for log shippers.
public enum LogFormat: String, Sendable, Equatable, CaseIterable {
    /// `level label: message key=value …`, with a timestamp unless the journal adds its own.
    case plain
    /// One JSON object a line: time, level, priority, logger, message, then the metadata fields.
    case json
}

extension Logger.Level {
    /// The syslog priority journald files the line under (`journalctl -p`): sd-daemon(3)'s
    /// `<N>` prefixes. swift-log has two levels below info; both are debug to the journal.
    public var syslogPriority: Int {
        switch self {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
