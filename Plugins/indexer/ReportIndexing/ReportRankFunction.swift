import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `report_rank(report_fts)`: a report's BM25 score (positive,
/// higher is better), as FTS5's own `bm25()` computes it but with the report's length in
/// characters read from memory (`RankingState.lengths`) instead of a `docsize` lookup per row,
/// and, for a query of one phrase over the whole index, without the second pass over the
/// phrase's postings that counting its documents costs (`RankingState.Query.idfMayWait`). It
/// keeps the leading rows as it scores them (`LeadingScores`) instead of SQLite sorting them.
enum ReportRankFunction {
    static let name = "report_rank"

    static func register(on db: Database, state: RankingState) throws {
        let api = FTS5.api(db)
        let context = Unmanaged.passRetained(state).toOpaque()
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, context, rank) { context in
            Unmanaged<RankingState>.fromOpaque(context!).release()
        }
        guard code == SQLITE_OK else {
            Unmanaged<RankingState>.fromOpaque(context).release()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register the FTS5 function \(name)")
        }
    }

    private static let rank: fts5_extension_function = { api, fts, context, _, _ in
        guard let api = api?.pointee, let user = api.xUserData(fts) else { return }
        let state = Unmanaged<RankingState>.fromOpaque(user).takeUnretainedValue()
        if state.query.idf == nil {
            let code = phraseWeights(api, fts, state)
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        }
        state.query.rowsScored += 1
        let bm25 = BM25(averageLength: state.lengths.averageLength)
        let rowId = api.xRowid(fts)
        let length = state.lengths[rowId]
        var score = 0.0
        for (phrase, idf) in (state.query.idf ?? []).enumerated() {
            guard let frequency = occurrences(of: Int32(phrase), api, fts) else {
                return sqlite3_result_error_code(context, SQLITE_ERROR)
            }
            if frequency > 0 { score += idf * bm25.termWeight(frequency: Double(frequency), length: length) }
        }
        state.query.leading.offer(rowId: rowId, score: score)
        sqlite3_result_double(context, score)
    }

    /// Each phrase's IDF over the whole index, on the query's first row. A query of one phrase
    /// whose every row is scored leaves it at 1: `RankingState.deferredScale` applies it.
    private static func phraseWeights(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, _ state: RankingState) -> Int32 {
        let phrases = Int(api.xPhraseCount(fts))
        if phrases == 1 && state.query.idfMayWait {
            state.query.idf = [1]
            state.query.idfWaits = true
            return SQLITE_OK
        }
        var idf: [Double] = []
        for phrase in 0..<phrases {
            var holding = 0
            let code = api.xQueryPhrase(fts, Int32(phrase), &holding) { _, _, counter in
                counter!.assumingMemoryBound(to: Int.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return code }
            idf.append(BM25.reportIDF(documents: state.lengths.reports, holding: holding))
        }
        state.query.idf = idf
        return SQLITE_OK
    }

    /// How many times the phrase occurs in the current row; nil when FTS5 cannot say.
    private static func occurrences(of phrase: Int32, _ api: Fts5ExtensionApi, _ fts: OpaquePointer?) -> Int? {
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        var count = 0
        guard api.xPhraseFirst(fts, phrase, &iterator, &column, &offset) == SQLITE_OK else { return nil }
        while column >= 0 {
            count += 1
            api.xPhraseNext(fts, &iterator, &column, &offset)
        }
        return count
    }
}
