/// Why the search index could not do what was asked; each case names the file or the query.
public enum SearchIndexError: Error, Equatable, CustomStringConvertible {
    /// The directory meant to hold the index file could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// SQLite could not open or prepare the index file.
    case cannotOpen(path: String, reason: String)
    /// A read or write on an open index failed (disk full, file locked too long, damage).
    case databaseFailure(path: String, operation: String, reason: String)
    /// The query holds no letter, digit or Chinese character outside exclusions, so there is
    /// nothing to look for (FTS5 cannot list "everything except").
    case nothingToSearch(query: String)
    /// OpenCC's traditional-to-simplified tables could not be opened.
    case scriptConversionUnavailable(reason: String)
    /// A `trend` phrase separates more than `limit` pairs of Chinese runs (一、二、三、四、五、六): FTS5
    /// would match it as pieces, whose matches are not the phrase's occurrences.
    case phraseTooFragmented(phrase: String, limit: Int)

    /// Whether the request itself is at fault (asking again cannot help), not the index.
    public var isAboutTheRequest: Bool {
        switch self {
        case .nothingToSearch, .phraseTooFragmented: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "search index: cannot create the directory of \(path): \(reason)"
        case let .cannotOpen(path, reason):
            return "search index: cannot open \(path): \(reason)"
        case let .databaseFailure(path, operation, reason):
            return "search index \(path): \(operation) failed: \(reason)"
        case let .scriptConversionUnavailable(reason):
            return "search index: cannot convert traditional script queries: \(reason)"
        case let .nothingToSearch(query):
            return "search query \"\(query)\" has no term to look for: give at least one word, number or Chinese character that is not excluded with -"
        case let .phraseTooFragmented(phrase, limit):
            return "trend phrase \"\(phrase)\" has more than \(limit) places where spaces or punctuation separate runs of Chinese characters, which the index cannot count as one phrase: give a shorter phrase"
        }
    }
}
