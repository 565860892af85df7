import Foundation
import GRDB
import GRDBSQLite
import ReportProtocol
import Synchronization

extension SearchIndex {
    /// How often `request.phrase` occurs across the indexed reports, per group (`request.by`), per
    /// 10,000 characters of the group's text, with its first and last appearance and its peak.
    ///
    /// The phrase is one search term (spaces inside it do not split it), found as a search finds
    /// it: wherever the text holds its characters in a row, whitespace ignored, Latin letters in
    /// either case, typed in either script (its simplified form is counted too). The reports
    /// holding it come from a MATCH (over parts of the row ids at once, `trendInParts`, and for
    /// a phrase asked before only over the reports indexed since, `PhraseCounts`); each
    /// one's count is FTS5's phrase instances (`PhraseCountFunction`), so no report text is read,
    /// and its group comes from the index's `ReportGroups`, so no report row is read either, but
    /// for the two appearances. `reportsPerPart`: the fewest row ids worth a part of their own
    /// (tests split small indexes with it).
    /// Near-duplicate reports (one report dropped as text and as Word) each count: the index
    /// does not know which reports are copies of each other.
    public func trend(_ request: TrendRequest, reportsPerPart: Int = defaultReportsPerPart) throws -> TrendResponse {
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
        let operation = "counting \"\(request.phrase)\" by \(request.by.rawValue)"
        // Counted in parts, the reads are separate transactions: one that sees a report removed
        // (or re-indexed, which removes first) since the groups were read starts over, and the
        // last attempt counts in one transaction.
        for _ in 1..<Self.attemptsInParts {
            if let response = try trendInParts(request, match: match.text, reportsPerPart: reportsPerPart, operation) {
                return response
            }
        }
        return try read(operation) { db in
            // Groups of its own, read in this transaction: the shared ones may be ahead of it.
            var groups = ReportGroups()
            try groups.refresh(db)
            var counts: [(rowId: Int, occurrences: Int)] = []
            try Self.countPhrase(match.text, rowIds: 0...groups.highestRowId, db) { counts.append(($0, $1)) }
            return try Self.response(request, groups: groups, counts: counts, db)
        }
    }

    /// Tries before `trend` counts in one transaction.
    private static let attemptsInParts = 3

    /// Reports per part of a count below which it is not split: a part's own read costs more than it saves.
    public static let defaultReportsPerPart = 5_000

    /// The groups as of this transaction, shared by the index's connections.
    private func refreshedGroups(_ db: Database) throws -> ReportGroups {
        try groups.withLock { groups in
            try groups.refresh(db)
            return groups
        }
    }

    /// `trend` with the row ids counted in parts at once, one reader connection per core (at most
    /// 4): FTS5 reads a phrase's position lists on one thread, and 高质量发展, held by every one of
    /// 100,000 reports, took 90 ms of a core. nil when a report was removed since the groups were read.
    private func trendInParts(_ request: TrendRequest, match: String, reportsPerPart: Int,
                              _ operation: String) throws -> TrendResponse? {
        let groups = try read(operation) { db in try refreshedGroups(db) }
        // Counted before and no report removed since: only the reports indexed since are counted.
        let kept = phraseCounts.counted(match, removals: groups.removals, upTo: groups.highestRowId)
        let rowIds = (kept.map { $0.highestRowId + 1 } ?? 0)..<(groups.highestRowId + 1)
        let parts = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, rowIds.count / max(1, reportsPerPart)))
        let results = Mutex<[Result<[(rowId: Int, occurrences: Int)]?, any Error>]>(Array(repeating: .success(nil), count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            // Part p counts ids lower + p·n/parts up to the next part's first: every id once.
            let first = rowIds.lowerBound + part * rowIds.count / parts
            let next = rowIds.lowerBound + (part + 1) * rowIds.count / parts
            let result = Result {
                try self.read(operation) { db -> [(rowId: Int, occurrences: Int)]? in
                    guard try Self.removals(db) == groups.removals else { return nil }
                    var counts: [(rowId: Int, occurrences: Int)] = []
                    if first < next { try Self.countPhrase(match, rowIds: first...(next - 1), db) { counts.append(($0, $1)) } }
                    return counts
                }
            }
            results.withLock { $0[part] = result }
        }
        var counts = kept?.counts ?? []
        for result in results.withLock({ $0 }) {
            guard let part = try result.get() else { return nil }
            if !part.isEmpty { counts += part }
        }
        let response = try read(operation) { db in
            try Self.removals(db) == groups.removals ? try Self.response(request, groups: groups, counts: counts, db) : nil
        }
        // Kept again only when it was counted further: a poll with nothing indexed since copies nothing.
        if response != nil && kept?.highestRowId != groups.highestRowId {
            phraseCounts.keep(match, PhraseCounts.Counted(removals: groups.removals, highestRowId: groups.highestRowId, counts: counts))
        }
        return response
    }

    private static func removals(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT removals FROM index_totals"))
    }

    /// The answer from the groups and each matching row id's count (read while no report was
    /// removed, so every counted row id is a report of the groups), the appearances read in `db`.
    private static func response(_ request: TrendRequest, groups: ReportGroups, counts: [(rowId: Int, occurrences: Int)],
                                 _ db: Database) throws -> TrendResponse {
        let column = groups.column(request.by)
        // Each report's year, for the first and last appearance, is its year group's key.
        let yearOfGroup = groups.year.keys.map { $0.flatMap { Int($0) } }
        var matches: [TrendTally.Match] = []
        matches.reserveCapacity(counts.count)
        for (rowId, occurrences) in counts where rowId < column.groupOf.count && column.groupOf[rowId] >= 0 {
            matches.append(TrendTally.Match(group: Int(column.groupOf[rowId]), rowId: Int64(rowId),
                                            year: yearOfGroup[Int(groups.year.groupOf[rowId])], occurrences: occurrences))
        }
        return TrendTally.response(
            phrase: request.phrase, by: request.by, sizes: groups.sizes(request.by), matches: matches,
            first: try appearance(TrendTally.appearanceCandidates(matches, earliest: true), db),
            last: try appearance(TrendTally.appearanceCandidates(matches, earliest: false), db))
    }

    /// Each report of `rowIds` FTS5 matches with its count, in row id order: a GRDB row per match
    /// was most of a `trend` over reports that all hold the phrase.
    private static func countPhrase(_ match: String, rowIds: ClosedRange<Int>, _ db: Database,
                                    _ body: (_ rowId: Int, _ occurrences: Int) -> Void) throws {
        let statement = try db.cachedStatement(sql: """
            SELECT rowid, \(PhraseCountFunction.name)(report_fts) FROM report_fts
            WHERE report_fts MATCH ? AND rowid BETWEEN ? AND ?
            """)
        try statement.setArguments([match, rowIds.lowerBound, rowIds.upperBound])
        try statement.forEachRawRow(in: db) { row in
            body(Int(sqlite3_column_int64(row, 0)), Int(sqlite3_column_int64(row, 1)))
        }
    }

    /// The candidate with the lowest report id, as shown. With few candidates their ids are read;
    /// with many (100,000 variants can hold a phrase equally often), the report ids are walked in
    /// order until one of them comes, about (reports ÷ candidates) rows.
    private static func appearance(_ candidates: [TrendTally.Match], _ db: Database) throws -> TrendAppearance? {
        guard !candidates.isEmpty else { return nil }
        var chosen = candidates[0]
        if candidates.count > 1 {
            let byRowId = Dictionary(candidates.map { ($0.rowId, $0) }, uniquingKeysWith: { first, _ in first })
            let rowIds: RowCursor
            if candidates.count <= fewCandidates {
                rowIds = try Row.fetchCursor(db, sql: """
                    SELECT id FROM reports WHERE id IN (\(databaseQuestionMarks(count: candidates.count))) ORDER BY report_id
                    """, arguments: StatementArguments(candidates.map(\.rowId)))
            } else {
                rowIds = try Row.fetchCursor(db, sql: "SELECT id FROM reports ORDER BY report_id")
            }
            while let row = try rowIds.next() {
                if let candidate = byRowId[row[0]] {
                    chosen = candidate
                    break
                }
            }
        }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT report_id, file, title, region, year FROM reports WHERE id = ?"),
                                   arguments: [chosen.rowId])
        guard let row else { throw MissingRow(table: "reports", rowId: chosen.rowId) }
        return TrendAppearance(reportId: row[0], file: row[1], title: row[2], region: row[3], year: row[4],
                               occurrences: chosen.occurrences)
    }

    /// Up to this many candidates for an appearance, their report ids are looked up one by one.
    private static let fewCandidates = 100
}
