import GRDB

/// The reports matching a query within the scope's SQL filters, best first by `report_rank`
/// (report-level BM25), each with its score (positive, higher is better).
///
/// The query's statistics live in the connection's `RankingState`, so a connection runs one of
/// these at a time (a search's walk runs other statements beside it, never a second ranking).
struct RankedReports {
    private let cursor: RowCursor
    private let state: RankingState
    private var scale: Double?

    /// `atMost`: how many rows the caller can use, when known; SQLite then keeps only the
    /// leading ones while scoring instead of sorting every match.
    init(matching match: MatchExpression, scope: SearchScope, atMost: Int?, state: RankingState, _ db: Database) throws {
        let filtered = scope.conditions.isEmpty ? "" : "JOIN reports r ON r.id = f.rowid"
        try state.begin(unfiltered: scope.conditions.isEmpty, db)
        cursor = try Row.fetchCursor(db, sql: """
            SELECT f.rowid, \(ReportRankFunction.name)(report_fts) AS relevance FROM report_fts f \(filtered)
            WHERE report_fts MATCH ?\(scope.andClause)
            ORDER BY relevance DESC\(atMost.map { " LIMIT \($0)" } ?? "")
            """, arguments: StatementArguments([match.text] + scope.arguments))
        self.state = state
    }

    mutating func next() throws -> (rowId: Int64, score: Double)? {
        guard let row = try cursor.next() else { return nil }
        // Every match was scored before the first row came out, so a waiting IDF is known now.
        let scale = self.scale ?? state.deferredScale
        self.scale = scale
        return (row[0], (row[1] as Double) * scale)
    }
}
