import Foundation

/// Turns a parsed query into an FTS5 MATCH expression.
///
/// User text never reaches MATCH as syntax: every term becomes an FTS5 string (double quotes,
/// inner quotes doubled), so `*`, `:`, `(`, `NEAR`, `AND` in a query are only text for the
/// tokenizer. The operators come from the parsed structure alone.
enum MatchExpression {
    /// nil when the query has no positive term: FTS5 cannot search for "everything but".
    static func build(_ query: SearchQuery) -> String? {
        guard !query.required.isEmpty else { return nil }
        let groups = query.required.map { group in
            group.count == 1 ? quoted(group[0]) : "(" + group.map(quoted).joined(separator: " OR ") + ")"
        }
        var expression = "(" + groups.joined(separator: " AND ") + ")"
        if !query.excluded.isEmpty {
            expression += " NOT (" + query.excluded.map(quoted).joined(separator: " OR ") + ")"
        }
        return expression
    }

    static func quoted(_ term: SearchQuery.Term) -> String {
        "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
