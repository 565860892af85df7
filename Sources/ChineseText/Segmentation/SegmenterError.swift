/// Why a segmenter could not be built. Every case names the file and the reason, because a
/// segmenter that quietly fell back to single characters would corrupt every index built on it.
public enum SegmenterError: Error, Equatable, CustomStringConvertible {
    case noDictionaries
    case dictionaryUnreadable(path: String, reason: String)
    case dictionaryEmpty(path: String)
    case malformedDictionaryLine(path: String, line: Int, reason: String)
    case dictionariesTooLarge(path: String, line: Int, limit: Int)
    case hmmModelUnreadable(path: String, reason: String)
    case malformedHMMModel(path: String, reason: String)

    public var description: String {
        switch self {
        case .noDictionaries:
            return "segmenter: no dictionary given"
        case let .dictionaryUnreadable(path, reason):
            return "segmenter: cannot read dictionary \(path): \(reason)"
        case let .dictionaryEmpty(path):
            return "segmenter: dictionary \(path) holds no words"
        case let .malformedDictionaryLine(path, line, reason):
            return "segmenter: dictionary \(path) line \(line): \(reason)"
        case let .dictionariesTooLarge(path, line, limit):
            return "segmenter: dictionary \(path) line \(line): the dictionaries hold more than \(limit) words and word prefixes"
        case let .hmmModelUnreadable(path, reason):
            return "segmenter: cannot read HMM model \(path): \(reason)"
        case let .malformedHMMModel(path, reason):
            return "segmenter: HMM model \(path) is malformed: \(reason)"
        }
    }
}
