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
    /// `index_totals.removals` when the lengths were read: while it stays, reports were only
    /// added, and the rows above `highestId` are all that changed.
    private var removals: Int64 = -1
    private var highestId: Int64 = 0

    subscript(rowId: Int64) -> Double {
        rowId >= 0 && rowId < characters.count && characters[Int(rowId)] > 0 ? Double(characters[Int(rowId)]) : averageLength
    }

    /// Brings the lengths up to the database: the totals row, then only the reports added since
    /// the last look, or every report again when one was removed (its id may have been reused).
    /// Under ingestion the indexer commits between most searches; reading all 10,000 lengths after
    /// each commit was 0.9–1.3 ms of every search (docs/SEARCH.md).
    mutating func refresh(_ db: Database) throws {
        guard let totals = try Row.fetchOne(db.cachedStatement(sql: "SELECT reports, characters, removals FROM index_totals")) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "index_totals has no row", sql: "SELECT … FROM index_totals")
        }
        let removed: Int64 = totals[2]
        if removed != removals {
            characters.removeAll(keepingCapacity: true)
            highestId = 0
        }
        try read(db, after: highestId)
        removals = removed
        reports = totals[0]
        let total: Int64 = totals[1]
        averageLength = reports > 0 ? max(1, Double(total) / Double(reports)) : 1
    }

    /// Reads the lengths of the reports with a row id above `id`. Steps the statement directly:
    /// GRDB's row cursor costs several times as much per row, and a full read is every report.
    private mutating func read(_ db: Database, after id: Int64) throws {
        let statement = try db.cachedStatement(sql: "SELECT id, characters FROM reports WHERE id > ?")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        sqlite3_bind_int64(handle, 1, id)
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
            if id >= characters.count {
                characters.append(contentsOf: repeatElement(0, count: max(id + 1, 2 * characters.count) - characters.count))
            }
            characters[id] = length
            highestId = max(highestId, Int64(id))
        }
    }
}
