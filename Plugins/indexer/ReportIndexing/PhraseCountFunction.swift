import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `phrase_count(report_fts)`: how many places the query's phrases
/// match in the current report (FTS5's phrase instances, `xInstCount`), read from the position
/// lists FTS5 already holds for the MATCH rather than from the report's text.
///
/// A term's phrase matches exactly where the text has the term's units in a row (`TermPattern`),
/// so for a `trend` expression, whose phrases are the spellings of one term and never match at
/// the same place, the instances are the term's occurrences.
enum PhraseCountFunction {
    static let name = "phrase_count"

    static func register(on db: Database) throws {
        let api = FTS5.api(db)
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, count, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register the FTS5 function \(name)")
        }
    }

    private static let count: fts5_extension_function = { api, fts, context, _, _ in
        guard let api = api?.pointee else { return }
        var instances: Int32 = 0
        let code = api.xInstCount(fts, &instances)
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        sqlite3_result_int64(context, sqlite3_int64(instances))
    }
}
