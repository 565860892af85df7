import GRDB
import GRDBSQLite

/// Every indexed report's length in characters (`reports.characters`), by row id: what the
/// report-level BM25 normalises by. Read from our own table rather than from FTS5's per-row
/// `docsize` lookup, which was a B-tree search per matching report (4–5 ms of a query for a term
/// all 10,000 reports hold).
struct ReportLengths {
    /// Indexed by row id; 0 where no report has that id (ids freed by re-indexing). Re-indexing
    /// gives a report a new id, so this grows with the highest id, 4 bytes each, not the count.
    private(set) var characters: [Int32] = []
    private(set) var reports = 0
    private(set) var averageLength = 1.0
    private var follower = ReportRowsFollower()

    subscript(rowId: Int64) -> Double {
        rowId >= 0 && rowId < characters.count && characters[Int(rowId)] > 0 ? Double(characters[Int(rowId)]) : averageLength
    }

    /// Brings the lengths up to the database: the totals row, then only the reports added since
    /// the last look, or every report again when one was removed (its id may have been reused).
    /// Under ingestion the indexer commits between most searches; reading all 10,000 lengths after
    /// each commit was 0.9–1.3 ms of every search (docs/SEARCH.md).
    mutating func refresh(_ db: Database) throws {
        // A copy, so that the rows read can change `characters` while the follower steps them.
        var follower = self.follower
        defer { self.follower = follower }
        let (totals, everyRow) = try follower.begin(db)
        if everyRow { characters.removeAll(keepingCapacity: true) }
        try follower.readNewRows(db, select: "SELECT id, characters FROM reports WHERE id > ?") { id, row in
            if id >= characters.count {
                characters.append(contentsOf: repeatElement(0, count: max(id + 1, 2 * characters.count) - characters.count))
            }
            characters[id] = Int32(clamping: sqlite3_column_int64(row, 1))
        }
        reports = totals.reports
        averageLength = reports > 0 ? max(1, Double(totals.characters) / Double(reports)) : 1
    }
}
