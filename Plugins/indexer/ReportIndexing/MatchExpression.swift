import Foundation

/// The FTS5 MATCH expressions a parsed query needs.
///
/// Boolean operators apply to whole reports (a report matches `延庆 冬奥` when it mentions
/// both, in any paragraphs), so a query is several expressions, each an OR of terms, run as
/// separate MATCHes. User text never reaches MATCH as syntax: every term becomes an FTS5
/// string (double quotes, inner quotes doubled), so `*`, `:`, `(`, `NEAR`, `AND` in a query
/// are only text for the tokenizer.
struct MatchExpression: Equatable {
    /// Paragraphs that can rank and show a report: those holding any positive term.
    var anyPositive: String
    /// A report must have a paragraph matching each of these.
    var requiredGroups: [String]
    /// A report with a paragraph matching this is left out.
    var excluded: String?

    /// nil when the query has no positive term: FTS5 cannot search for "everything but".
    init?(_ query: SearchQuery) {
        guard !query.required.isEmpty else { return nil }
        anyPositive = Self.either(query.positiveTerms)
        requiredGroups = query.required.count > 1 ? query.required.map(Self.either) : []
        excluded = query.excluded.isEmpty ? nil : Self.either(query.excluded)
    }

    private static func either(_ terms: [SearchQuery.Term]) -> String {
        terms.map(quoted).joined(separator: " OR ")
    }

    static func quoted(_ term: SearchQuery.Term) -> String {
        "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
