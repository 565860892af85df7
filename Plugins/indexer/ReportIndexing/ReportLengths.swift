import GRDB
import GRDBSQLite

/// Every indexed report's length in characters (`reports.characters`), by row id: what the
/// report-level BM25 normalises by. Read from our own table in one pass rather than from FTS5's
/// per-row `docsize` lookup, which was a B-tree search per matching report (4–5 ms of a
/// query for a term all 10,000 reports hold).
struct ReportLengths {
    /// Indexed by row id; 0 where no report has that id (ids freed by re-indexing). Re-indexing
    /// gives a report a new id, so this grows with the highest id, 4 bytes each, not the count.
    private(set) var characters: [Int32] = []
    private(set) var reports = 0
    private(set) var averageLength = 1.0

    subscript(rowId: Int64) -> Double {
        rowId >= 0 && rowId < characters.count && characters[Int(rowId)] > 0 ? Double(characters[Int(rowId)]) : averageLength
    }

    /// Reads every report's length. Steps the statement directly: GRDB's row cursor costs
    /// several times as much per row, and this reads every report.
    static func load(_ db: Database) throws -> ReportLengths {
        let statement = try db.cachedStatement(sql: "SELECT id, characters FROM reports")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var lengths = ReportLengths()
        var total = 0.0
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            let id = Int(sqlite3_column_int64(handle, 0))
            let length = Int32(clamping: sqlite3_column_int64(handle, 1))
            if id >= lengths.characters.count {
                lengths.characters.append(contentsOf: repeatElement(0, count: max(id + 1, 2 * lengths.characters.count) - lengths.characters.count))
            }
            lengths.characters[id] = length
            lengths.reports += 1
            total += Double(length)
        }
        lengths.averageLength = lengths.reports > 0 ? max(1, total / Double(lengths.reports)) : 1
        return lengths
    }
}
