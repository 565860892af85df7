import GRDB
import GRDBSQLite

extension Statement {
    /// Steps the statement, its arguments already set, over its rows without GRDB's row objects,
    /// which cost several times as much per row: `trend` and the searcher's walks read up to every
    /// report. The statement is reset afterwards.
    func forEachRawRow(in db: Database, _ body: (_ row: OpaquePointer) -> Void) throws {
        let handle = sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            body(handle)
        }
    }
}
