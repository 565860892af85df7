/// Why a file's bytes could not be turned into text. The description names the problem
/// in words a user who dropped the file can act on.
public enum TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Zero bytes, or only whitespace.
    case empty
    /// A known binary format recognised by its magic number, e.g. "a PNG image".
    case binaryFormat(String)
    /// Not a known format, but full of NUL or control bytes.
    case binaryData(nulBytes: Int, controlBytes: Int, sampled: Int)
    /// Decodes in no supported encoding (UTF-8, UTF-16 with BOM, GB18030).
    case undecodable
    /// Decodes, but what comes out is not plausible text (rare or unassigned characters,
    /// almost no Chinese); `detail` says what was measured.
    case implausibleText(encoding: String, detail: String)
    /// A document format we read (PDF, DOCX) whose content cannot be had: encrypted,
    /// damaged, a scan without text, over the size limit. `format` says what the file is.
    case unreadableDocument(format: String, detail: String)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case .binaryFormat(let format):
            return "the file is \(format), not text"
        case .binaryData(let nul, let control, let sampled):
            return "the file is binary data, not text (\(nul) NUL bytes and \(control) control bytes in the first \(sampled) bytes)"
        case .undecodable:
            return "the bytes are not valid UTF-8, UTF-16 or GB18030 text"
        case .implausibleText(let encoding, let detail):
            return "the bytes decode as \(encoding) but give no sensible text (\(detail))"
        case .unreadableDocument(let format, let detail):
            return "the file is \(format) whose text cannot be read (\(detail))"
        }
    }
}
