import Foundation
import ReportProtocol

/// Writes to standard output with plain write(2), so every line reaches a pipe at once
/// and a reader that went away shows up as an error rather than a signal.
enum Output {
    /// The reader of standard output closed its end (EPIPE).
    struct Closed: Error {}

    /// A line for people: control characters in it (from a report's text or a file name) are
    /// shown as escapes rather than acted on by the terminal. JSON output needs no such care:
    /// the encoder escapes them.
    static func line(_ text: String) throws {
        try write(Array((TerminalText.safe(text) + "\n").utf8))
    }

    static func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written >= 0 { offset += written; continue }
            if errno == EINTR { continue }
            if errno == EPIPE { throw Closed() }
            throw CLIError.unwritableOutput(reason: String(cString: strerror(errno)))
        }
    }

    /// Indented, snake_case JSON of a wire value, for --json.
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = WireJSON.encoder
        encoder.outputFormatting.insert(.prettyPrinted)
        try write(Array(try encoder.encode(value)) + [UInt8(ascii: "\n")])
    }

    /// One JSON value on one line, for JSON Lines streams.
    static func jsonLine<Value: Encodable>(_ value: Value) throws {
        try write(try WireJSON.encode(value) + [UInt8(ascii: "\n")])
    }

    static func warning(_ text: String) {
        FileHandle.standardError.write(Data(("reportctl: " + TerminalText.safe(text) + "\n").utf8))
    }
}
