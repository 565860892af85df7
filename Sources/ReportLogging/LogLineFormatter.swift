import Foundation
import Logging

/// Turns one log event into one line of text. Pure: the handler supplies the time and whether
/// stderr is the journal, so every format is tested without a process or a journal.
public struct LogLineFormatter: Sendable {
    public var format: LogFormat
    /// stderr is a journald stream: prefix `<N>` so the journal files the line at its priority,
    /// and leave the timestamp to the journal.
    public var journal: Bool

    public init(format: LogFormat, journal: Bool) {
        self.format = format
        self.journal = journal
    }

    public func line(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata,
                     time: Date) -> String {
        let prefix = journal ? "<\(level.syslogPriority)>" : ""
        switch format {
        case .plain:
            return prefix + plain(level: level, label: label, message: message, metadata: metadata, time: time)
        case .json:
            return prefix + json(level: level, label: label, message: message, metadata: metadata, time: time)
        }
    }

    /// `2026-12-06T19:52:33.123Z warning reportd: failed at parser: … report=f1618e78c2a1 file=a.txt`.
    /// Fields come after the message, sorted, in logfmt style, so `grep report=f1618e78` follows a report.
    private func plain(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata,
                       time: Date) -> String {
        var text = journal ? "" : Self.timestamp(time) + " "
        text += "\(level.rawValue) \(label): \(message)"
        for key in metadata.keys.sorted() {
            text += " \(key)=\(Self.logfmtValue(metadata[key]!.description))"
        }
        return text
    }

    private func json(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata,
                      time: Date) -> String {
        // Fixed fields first, in a fixed order; metadata cannot overwrite them.
        var fields: [(String, String)] = [
            ("time", Self.jsonString(Self.timestamp(time))),
            ("level", Self.jsonString(level.rawValue)),
            ("priority", "\(level.syslogPriority)"),
            ("logger", Self.jsonString(label)),
            ("message", Self.jsonString(message)),
        ]
        let reserved = Set(fields.map(\.0))
        for key in metadata.keys.sorted() where !reserved.contains(key) {
            fields.append((key, Self.jsonValue(metadata[key]!)))
        }
        return "{" + fields.map { "\(Self.jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// RFC 3339 in UTC with milliseconds, as journalctl -o short-iso-precise and log shippers read it.
    static func timestamp(_ time: Date) -> String {
        var seconds = time_t(time.timeIntervalSince1970.rounded(.down))
        let millis = Int((time.timeIntervalSince1970 - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    /// Bare when it is one plain word, quoted (with `\"`, `\\`, `\n` escaped) otherwise, so a file
    /// name with spaces or an `=` stays one field.
    static func logfmtValue(_ value: String) -> String {
        let bare = !value.isEmpty && value.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0 != "\\" && $0.value != 0x7f
        }
        return bare ? value : jsonString(value)
    }

    static func jsonValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): jsonString(text)
        case .stringConvertible(let convertible): jsonString(convertible.description)
        case .array(let items): "[" + items.map(jsonValue).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{" + entries.keys.sorted().map { "\(jsonString($0)):\(jsonValue(entries[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and every control character escaped, so a line
    /// never breaks in two whatever a file name holds.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
