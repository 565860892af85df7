import Foundation
import Logging

/// The swift-log handler of reportd and its plugins: one `write(2)` per line on stderr, at the
/// level a shared `LogLevelSwitch` holds right now, in the configured format.
public struct ReportLogHandler: LogHandler {
    private let label: String
    private let formatter: LogLineFormatter
    private let levelSwitch: LogLevelSwitch
    public var metadata: Logger.Metadata = [:]

    public init(label: String, formatter: LogLineFormatter, levelSwitch: LogLevelSwitch) {
        self.label = label
        self.formatter = formatter
        self.levelSwitch = levelSwitch
    }

    /// Setting it changes the level of the whole process, not of this logger alone: there is one
    /// `log_level`, and a logger copied before a reload must follow it too.
    public var logLevel: Logger.Level {
        get { levelSwitch.level }
        set { levelSwitch.level = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let line = formatter.line(level: event.level, label: label, message: "\(event.message)",
                                  metadata: merged, time: Date()) + "\n"
        Self.writeToStandardError(line)
    }

    /// Whole lines in one call: stderr is shared by the daemon's threads and its plugins, and
    /// journald reads it as a stream, so two writers must never interleave inside a line.
    private static func writeToStandardError(_ line: String) {
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(2, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
