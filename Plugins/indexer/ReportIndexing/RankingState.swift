import GRDB
import Synchronization

/// What the `report_rank` function of one connection reads and writes: the report lengths as of
/// that connection's last look at the file, and the statistics of the query it is running.
/// Only the thread holding the connection touches it, one statement at a time.
final class RankingState: @unchecked Sendable {
    /// Per query: each phrase's IDF, computed on the first row.
    struct Query {
        /// Whether every row FTS5 hands over holds the query's one phrase, so that the number of
        /// rows scored is the phrase's document count and its IDF can be applied afterwards,
        /// saving the second pass over the phrase's postings that counting them would cost.
        var idfMayWait: Bool
        var idf: [Double]? = nil
        var idfWaits = false
        var rowsScored = 0
        /// The best rows so far, by the score `report_rank` computed (before a waiting IDF).
        var leading = LeadingScores(capacity: nil)
    }

    private(set) var lengths = ReportLengths()
    /// `PRAGMA data_version` when `lengths` were read: it changes whenever another connection
    /// (another process's indexer included) commits, and only then must they be read again.
    /// It does not change for the connection's own writes, which is why searches run only on
    /// reader connections (`SearchIndex.read`), never inside a write.
    private var lengthsVersion: Int64?
    var query = Query(idfMayWait: false)

    /// Prepares a query in the current read transaction. `unfiltered`: no SQL condition besides
    /// the MATCH, so every matching row is scored. `keeping`: how many leading rows to keep, nil for all.
    func begin(unfiltered: Bool, keeping: Int?, _ db: Database) throws {
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        if version == nil || version != lengthsVersion {
            try lengths.refresh(db)
            lengthsVersion = version
        }
        query = Query(idfMayWait: unfiltered, leading: LeadingScores(capacity: keeping))
    }

    /// What the scores `report_rank` computed must be multiplied by, once every matching row was scored.
    var deferredScale: Double {
        query.idfWaits ? BM25.reportIDF(documents: lengths.reports, holding: query.rowsScored) : 1
    }
}

/// The ranking state of every open connection, so that a search finds the state its
/// connection's `report_rank` uses. A connection registers as it opens; one opened later at a
/// reused address replaces the entry before it runs anything.
final class RankingConnections: Sendable {
    private let states = Mutex<[ObjectIdentifier: RankingState]>([:])

    func open(_ db: Database) throws {
        let state = RankingState()
        try ReportRankFunction.register(on: db, state: state)
        states.withLock { $0[ObjectIdentifier(db)] = state }
    }

    func state(of db: Database) -> RankingState {
        guard let state = states.withLock({ $0[ObjectIdentifier(db)] }) else {
            preconditionFailure("a connection of the search index opened without its ranking function")
        }
        return state
    }
}
