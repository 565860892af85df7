import Foundation
import GRDB
import ReportProtocol

extension SearchIndex {
    /// How often `request.phrase` occurs across the indexed reports, per group (`request.by`), per
    /// 10,000 characters of the group's text, with its first and last appearance and its peak.
    ///
    /// The phrase is one search term (spaces inside it do not split it), found as a search finds
    /// it: wherever the text holds its characters in a row, whitespace ignored, Latin letters in
    /// either case, typed in either script (its simplified form is counted too). The reports
    /// holding it come from one MATCH; each one's count is FTS5's phrase instances
    /// (`PhraseCountFunction`), so no report text is read. The groups' sizes come from `reports`.
    /// Near-duplicate reports (one report dropped as text and as Word) each count: the index
    /// does not know which reports are copies of each other.
    public func trend(_ request: TrendRequest) throws -> TrendResponse {
        let term = SearchQuery.Term(text: request.phrase.trimmingCharacters(in: .whitespacesAndNewlines))
        let query = SearchQuery(required: [[term]], excluded: []).withAlternatives(converter.convert)
        guard !TermPattern(term).isEmpty, let match = MatchExpression(query) else {
            throw SearchIndexError.nothingToSearch(query: request.phrase)
        }
        // Beyond that many junctions a term is matched as pieces that must all occur, whose
        // instances are not the term's occurrences.
        guard query.positiveTerms.allSatisfy({ MatchExpression.junctions(of: $0) <= MatchExpression.maximumJunctions }) else {
            throw SearchIndexError.phraseTooFragmented(phrase: request.phrase, limit: MatchExpression.maximumJunctions)
        }
        let column = Self.groupColumn(request.by)
        return try read("counting \"\(request.phrase)\" by \(request.by.rawValue)") { db in
            let sizes = try Row.fetchAll(db, sql: "SELECT \(column), COUNT(*), SUM(characters) FROM reports GROUP BY 1")
                .map { row in TrendTally.GroupSize(key: Self.key(row[0]), reports: row[1], characters: row[2]) }
            let matches = try Row.fetchAll(db, sql: """
                SELECT r.report_id, r.file, r.title, r.region, r.year, r.\(column), \(PhraseCountFunction.name)(report_fts)
                FROM report_fts f JOIN reports r ON r.id = f.rowid WHERE report_fts MATCH ?
                """, arguments: [match.text]).map { row in
                    TrendTally.Match(key: Self.key(row[5]),
                                     appearance: TrendAppearance(reportId: row[0], file: row[1], title: row[2], region: row[3],
                                                                 year: row[4], occurrences: row[6]))
                }
            return TrendTally.response(phrase: request.phrase, by: request.by, sizes: sizes, matches: matches)
        }
    }

    private static func groupColumn(_ grouping: TrendGrouping) -> String {
        switch grouping {
        case .year: "year"
        case .region: "region"
        case .level: "level"
        }
    }

    /// A group's key as text: a year's number, a region's or level's name; nil for NULL or blank.
    private static func key(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .int64(let number): return String(number)
        case .string(let text): return text.isEmpty ? nil : text
        default: return nil
        }
    }
}
