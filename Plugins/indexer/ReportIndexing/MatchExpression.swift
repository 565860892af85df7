import Foundation

/// The query as one FTS5 MATCH expression over the report-level rows.
///
/// Boolean operators apply to whole reports (a report matches `延庆 冬奥` when it mentions
/// both, in any paragraphs), which is what one row per report gives natively:
/// `(("a" OR "b") AND ("c")) NOT ("d")`. User text never reaches MATCH as syntax: every term
/// becomes an FTS5 string (double quotes, inner quotes doubled), so `*`, `:`, `(`, `NEAR`,
/// `AND` in a query are only text for the tokenizer.
struct MatchExpression: Equatable {
    var text: String

    /// nil when the query has no positive term: FTS5 cannot search for "everything but".
    /// Without `excluding`, exclusions are left out (a section filter checks them per paragraph).
    init?(_ query: SearchQuery, excluding: Bool = true) {
        guard !query.required.isEmpty else { return nil }
        let required = query.required.map { "(" + Self.either($0) + ")" }.joined(separator: " AND ")
        if excluding && !query.excluded.isEmpty {
            text = "(" + required + ") NOT (" + Self.either(query.excluded) + ")"
        } else {
            text = required
        }
    }

    private static func either(_ terms: [SearchQuery.Term]) -> String {
        terms.map(quoted).joined(separator: " OR ")
    }

    static func quoted(_ term: SearchQuery.Term) -> String {
        "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
