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
        }
    }
}
