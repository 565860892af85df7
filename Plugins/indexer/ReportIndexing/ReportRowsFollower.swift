import GRDB
import GRDBSQLite

/// How a table kept in memory of every indexed report, by row id (`ReportLengths`, `ReportGroups`),
/// keeps up with `reports` after other connections' commits: it reads the totals row
/// (`index_totals`); while its `removals` stays, reports were only added and only the rows above the
/// highest id read so far are new; after a removal (whose id may be reused) every row is read again.
struct ReportRowsFollower {
    /// `index_totals`' row.
    struct Totals {
        var reports: Int
        var characters: Int64
    }

    /// `index_totals.removals` at the last look: a counter of every report ever removed (re-indexing removes first).
    private(set) var removals: Int64 = -1
    /// The highest row id read (0 for none).
    private(set) var highestId: Int64 = 0

    /// The totals, and whether every row must be read again: the table must then be emptied
    /// before `readNewRows`.
    mutating func begin(_ db: Database) throws -> (totals: Totals, everyRow: Bool) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT reports, characters, removals FROM index_totals")) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "index_totals has no row", sql: "SELECT … FROM index_totals")
        }
        let removed: Int64 = row[2]
        let everyRow = removed != removals
        if everyRow { highestId = 0 }
        removals = removed
        return (Totals(reports: row[0], characters: row[1]), everyRow)
    }

    /// Steps `select` (whose first column is the row id and whose one parameter is the id to read
    /// after, e.g. `SELECT id, characters FROM reports WHERE id > ?`) over the rows not read yet,
    /// directly: GRDB's row cursor costs several times as much per row, and a full read is every report.
    mutating func readNewRows(_ db: Database, select sql: String, _ body: (_ rowId: Int, _ row: OpaquePointer) -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments([highestId])
        try statement.forEachRawRow(in: db) { row in
            let id = sqlite3_column_int64(row, 0)
            body(Int(id), row)
            highestId = max(highestId, id)
        }
    }
}
