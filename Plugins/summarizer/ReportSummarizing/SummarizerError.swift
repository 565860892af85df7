/// Why the summarizer could not be set up; each case names the file and the reason.
public enum SummarizerError: Error, Equatable, CustomStringConvertible {
    case fileUnreadable(path: String, reason: String)
    case fileEmpty(path: String)
    case malformedLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .fileUnreadable(path, reason): return "summarizer: cannot read \(path): \(reason)"
        case let .fileEmpty(path): return "summarizer: \(path) holds no entries"
        case let .malformedLine(path, line, reason): return "summarizer: \(path) line \(line): \(reason)"
        }
    }
}
