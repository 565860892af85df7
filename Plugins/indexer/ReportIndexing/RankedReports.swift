import GRDB
import GRDBSQLite

/// The reports matching a query within the scope's SQL filters, best first by `report_rank`
/// (report-level BM25), each with its score (positive, higher is better).
///
/// One statement has `report_rank` score every matching row; the function keeps the leading
/// rows itself (`LeadingScores`, in the connection's `RankingState`), so a connection runs one of
/// these at a time (a search's walk runs other statements beside it, never a second ranking).
struct RankedReports {
    private let rows: [LeadingScores.Entry]
    private var position = 0
    /// A one-phrase query's IDF, known once every row was scored (`RankingState.deferredScale`).
    private let scale: Double

    /// `atMost`: how many rows the caller can use, when known; only that many leaders are kept
    /// while scoring. Without it, every matching row is returned.
    init(matching match: MatchExpression, scope: SearchScope, atMost: Int?, state: RankingState, _ db: Database) throws {
        let filtered = scope.conditions.isEmpty ? "" : "JOIN reports r ON r.id = f.rowid"
        try state.begin(unfiltered: scope.conditions.isEmpty, keeping: atMost, db)
        // Stepped directly, reading no column: the function has kept what it scored. (FTS5 refuses
        // an auxiliary function inside an aggregate, so `count(report_rank(…))` cannot do it.)
        let statement = try db.cachedStatement(sql: """
            SELECT \(ReportRankFunction.name)(report_fts) FROM report_fts f \(filtered)
            WHERE report_fts MATCH ?\(scope.andClause)
            """)
        try statement.setArguments(StatementArguments([match.text] + scope.arguments))
        try statement.forEachRawRow(in: db) { _ in }
        scale = state.deferredScale
        rows = state.query.leading.descending()
    }

    mutating func next() -> (rowId: Int64, score: Double)? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return (rows[position].rowId, rows[position].score * scale)
    }
}
