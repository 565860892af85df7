import Foundation
import GRDB
import ReportProtocol

/// The daemon's durable state: reports, their results, and every event with its sequence number.
///
/// Each state change and the event that announces it commit in one transaction, and the event
/// is published only after the commit, so the feed history never shows what the store lost.
/// WAL with `synchronous = NORMAL` is durable across a killed process (see docs/RELIABILITY.md).
final class StateStore {
    let database: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try StoreSchema.migrator().migrate(database)
    }

    /// A read-only connection to the store another `StateStore` writes: the query thread's
    /// (`QueryService`). WAL lets it read a committed snapshot while the loop writes.
    init(readingFrom path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Pages read through a memory map, not a pread each: the reads of a `compare` over
            // 12,000 reports were a sixth of the query thread's time in the kernel (perf), and
            // SQLite's own page cache starts over whenever the loop commits. The map is of the
            // file's pages the kernel caches anyway.
            _ = try String.fetchOne(db, sql: "PRAGMA mmap_size = \(Self.queryMapBytes)")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// How much of the store the query connection maps: the most SQLite allows (its
    /// SQLITE_MAX_MMAP_SIZE, 2 GiB in Debian's build), of which only the pages read are resident.
    /// analysis_bench's 12,000 synthesized reports make a 390 MB store.
    static let queryMapBytes = 0x7FFF_0000

    /// Stops the statement running on this connection (from any thread): a query past its time limit.
    func interrupt() { database.interrupt() }

    // MARK: Reading

    // The hot single-statement reads (a few per report) run outside `read`: one SELECT sees one
    // snapshot by itself, and `read`'s read-only transaction cost four more statements each time.

    func report(id: String) throws -> ReportRecord? {
        try database.inDatabase { db in
            try Row.fetchOne(db.cachedStatement(sql: "\(Self.recordColumns) WHERE id = ?"), arguments: [id]).map(Self.record)
        }
    }

    /// Reports whose id starts with `prefix`, for `reportctl get` with a shortened id.
    func reports(idPrefix prefix: String, limit: Int = 2) throws -> [ReportRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "\(Self.recordColumns) WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                             arguments: [prefix, prefix + "g", limit]).map(Self.record)
        }
    }

    func unfinishedReports() throws -> [ReportRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "\(Self.recordColumns) WHERE state IN ('accepted', 'parsed') ORDER BY received_at")
                .map(Self.record)
        }
    }

    func results(id: String) throws -> ReportResults {
        try database.inDatabase { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT document, index_result, summary FROM reports WHERE id = ?"),
                                       arguments: [id])
            return ReportResults(document: (row?["document"] as Data?).map(Array.init),
                                 index: (row?["index_result"] as Data?).map(Array.init),
                                 summary: (row?["summary"] as Data?).map(Array.init))
        }
    }

    func counts() throws -> [ReportState: Int] {
        try database.read { db in
            var counts: [ReportState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM reports GROUP BY state") {
                if let state = ReportState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    func counter(_ name: String) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT value FROM counters WHERE name = ?", arguments: [name]) ?? 0 }
    }

    func incrementCounter(_ name: String) throws {
        try database.write { db in
            try db.cachedStatement(sql: """
                INSERT INTO counters(name, value) VALUES (?, 1)
                ON CONFLICT(name) DO UPDATE SET value = value + 1
                """).execute(arguments: [name])
        }
    }

    func lastSeq() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM events") ?? 0 }
    }

    /// Envelopes with seq > `since`, oldest first.
    func events(since: Int64, limit: Int, topicPrefix: String? = nil) throws -> [PublishedEvent] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                \(Self.eventColumns) WHERE seq > ? AND topic LIKE ? ESCAPE '\\'
                ORDER BY seq LIMIT ?
                """, arguments: [since, Self.likePrefix(topicPrefix ?? ""), limit]).compactMap(Self.event)
        }
    }

    func events(reportId: String) throws -> [PublishedEvent] {
        try database.read { db in
            try Row.fetchAll(db, sql: "\(Self.eventColumns) WHERE report_id = ? ORDER BY seq",
                             arguments: [reportId]).compactMap(Self.event)
        }
    }

    /// Every stored text fingerprint, for near-duplicate detection, one row at a time: a store
    /// of 100,000 reports is read without holding all of its rows at once.
    func forEachFingerprint(_ body: (_ id: String, _ file: String, _ bytes: [UInt8]) -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT id, file, sketch FROM fingerprints ORDER BY rowid")
            while let row = try rows.next() {
                body(row["id"], row["file"], Array(row["sketch"] as Data))
            }
        }
    }

    // MARK: Helpers

    private static let recordColumns = """
        SELECT id, file, size, state, attempts, error, received_at, shelved_as,
               \(Stage.all.map { "\($0.column) IS NOT NULL AS \"has_\($0.service)\"" }.joined(separator: ", ")) FROM reports
        """

    private static func record(_ row: Row) -> ReportRecord {
        ReportRecord(id: row["id"], file: row["file"], size: row["size"],
                     state: ReportState(rawValue: row["state"]) ?? .failed, attempts: row["attempts"],
                     error: row["error"], receivedAt: row["received_at"],
                     storedStages: Set(Stage.all.filter { row["has_\($0.service)"] as Bool }.map(\.service)),
                     shelvedAs: row["shelved_as"])
    }

    static func likePrefix(_ prefix: String) -> String {
        prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
