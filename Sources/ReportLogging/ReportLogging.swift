import Foundation
import Logging

/// Sets up swift-log for a reportd process and keeps its level switch.
///
/// The daemon starts each plugin with `REPORTD_LOG_LEVEL` and `REPORTD_LOG_FORMAT` set from
/// `[daemon] log_level` and `log_format`, so plugin lines look like the daemon's and follow its
/// level; a reload reaches running plugins through the broker's `WELCOME` (docs/PROTOCOL.md).
public enum ReportLogging {
    public static let levelVariable = "REPORTD_LOG_LEVEL"
    public static let formatVariable = "REPORTD_LOG_FORMAT"

    /// The level every handler of this process reads; set by `bootstrap`.
    public static let levelSwitch = LogLevelSwitch(.info)

    /// Installs `ReportLogHandler` as the process's log handler. Call once, before any `Logger`
    /// is made. `<N>` priority prefixes are used when stderr is the journal (`JOURNAL_STREAM`).
    public static func bootstrap(level: Logger.Level, format: LogFormat,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) {
        levelSwitch.level = level
        let formatter = LogLineFormatter(format: format, journal: JournalStream.isStandardError(environment: environment))
        LoggingSystem.bootstrap { label in
            ReportLogHandler(label: label, formatter: formatter, levelSwitch: levelSwitch)
        }
    }

    /// The variables a child process needs to log like this one.
    public static func environment(level: Logger.Level, format: LogFormat) -> [String: String] {
        [levelVariable: level.rawValue, formatVariable: format.rawValue]
    }

    /// The prefix of a line written to stderr without a logger, when a process cannot start: `<3>`
    /// (error) when stderr is the journal, so `journalctl -p err` shows why, and nothing elsewhere.
    public static func startFailurePrefix(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        JournalStream.isStandardError(environment: environment) ? "<\(Logger.Level.error.syslogPriority)>" : ""
    }

    /// A level named in configuration or an environment variable, or nil when it is not one.
    public static func level(named name: String?) -> Logger.Level? {
        name.flatMap { Logger.Level(rawValue: $0.lowercased()) }
    }
}
