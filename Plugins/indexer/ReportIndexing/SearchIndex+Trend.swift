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
    /// holding it come from a MATCH (over parts of the row ids at once, `countPhrase`); each
    /// one's count is FTS5's phrase instances (`PhraseCountFunction`), so no report text is read,
    /// and its group comes from the connection's `ReportGroups`, so no report row is read either,
    /// but for the two appearances. `reportsPerPart`: the least reports a part counts (tests
    /// split small indexes with it).
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
        let groups = try read(operation) { db in
            let state = rankings.state(of: db)
            try state.groups.refresh(db)
            return state.groups
        }
        let column = groups.column(request.by)
        var matches: [TrendTally.Match] = []
        for part in try countPhrase(match.text, rowIds: 0...groups.highestRowId, reportsPerPart: reportsPerPart, operation) {
            for (rowId, occurrences) in part {
                // A report indexed or removed since the groups were read is not counted.
                guard rowId < column.groupOf.count, column.groupOf[rowId] >= 0 else { continue }
                let year = groups.years[rowId]
                matches.append(TrendTally.Match(group: Int(column.groupOf[rowId]), rowId: Int64(rowId),
                                                year: year == ReportGroups.noYear ? nil : Int(year), occurrences: occurrences))
            }
        }
        return try read(operation) { db in
            TrendTally.response(
                phrase: request.phrase, by: request.by, sizes: groups.sizes(request.by), matches: matches,
                first: try Self.appearance(TrendTally.appearanceCandidates(matches, earliest: true), db),
                last: try Self.appearance(TrendTally.appearanceCandidates(matches, earliest: false), db))
        }
    }

    /// Reports per part of a count below which it is not split: a part's own read costs more than it saves.
    public static let defaultReportsPerPart = 5_000

    /// Each report of `rowIds` FTS5 matches, with its count, in parts of the row ids counted at
    /// once on as many reader connections as there are cores (at most 4): FTS5 reads a phrase's
    /// position lists on one thread, and 高质量发展, held by every one of 100,000 reports, took
    /// 90 ms of a core (`make bench-analysis`).
    private func countPhrase(_ match: String, rowIds: ClosedRange<Int>, reportsPerPart: Int,
                             _ operation: String) throws -> [[(Int, Int)]] {
        let parts = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, rowIds.count / max(1, reportsPerPart)))
        let width = (rowIds.count + parts - 1) / parts
        let results = Mutex<[Result<[(Int, Int)], any Error>]>(Array(repeating: .success([]), count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let first = rowIds.lowerBound + part * width
            let result = Result {
                try self.read(operation) { db in
                    var counts: [(Int, Int)] = []
                    try Self.countPhrase(match, rowIds: first...min(rowIds.upperBound, first + width - 1), db) { counts.append(($0, $1)) }
                    return counts
                }
            }
            results.withLock { $0[part] = result }
        }
        return try results.withLock { $0 }.map { try $0.get() }
    }

    /// Each report of `rowIds` FTS5 matches with its count, in row id order. Steps the statement directly:
    /// a GRDB row per match was most of a `trend` over reports that all hold the phrase.
    private static func countPhrase(_ match: String, rowIds: ClosedRange<Int>, _ db: Database,
                                    _ body: (_ rowId: Int, _ occurrences: Int) -> Void) throws {
        let statement = try db.cachedStatement(sql: """
            SELECT rowid, \(PhraseCountFunction.name)(report_fts) FROM report_fts
            WHERE report_fts MATCH ? AND rowid BETWEEN ? AND ?
            """)
        try statement.setArguments([match, rowIds.lowerBound, rowIds.upperBound])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            body(Int(sqlite3_column_int64(handle, 0)), Int(sqlite3_column_int64(handle, 1)))
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
