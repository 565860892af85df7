import ChineseText
import Foundation
import GRDB
import ReportProtocol
import Synchronization

/// The full-text index of report paragraphs, in one SQLite file shared by every indexer and
/// search process: WAL journal, a busy timeout, and one IMMEDIATE transaction per change.
public final class SearchIndex: Sendable {
    /// How long a writer waits for another process's transaction before failing.
    static let busyTimeout: TimeInterval = 30

    public let path: String
    /// Whether opening created, kept or rebuilt the tables. After `.rebuilt`, the index is
    /// empty and every report must be indexed again.
    public let schemaState: IndexSchemaState
    let pool: DatabasePool
    /// Finds the words around a match, so whole-word matches rank first; nil ranks by BM25 alone.
    let segmenter: Segmenter?
    /// Traditional → simplified, for queries and filters typed in traditional script.
    let converter: ScriptConverter
    /// Each connection's `report_rank` state (report lengths, the running query's statistics).
    let rankings = RankingConnections()
    /// What `trend` counts by, read on the first and brought up to date at each.
    let groups = Mutex(ReportGroups())
    /// Recent phrases' counts, so that `trend` counts a phrase asked again only in the reports indexed since.
    let phraseCounts = PhraseCounts()

    /// `segmenter`: the one the summarizer uses (jieba + domain dictionary), for whole-word ranking.
    public init(path: String, segmenter: Segmenter? = nil) throws {
        self.path = path
        self.segmenter = segmenter
        do {
            converter = try ScriptConverter.traditionalToSimplified()
        } catch {
            throw SearchIndexError.scriptConversionUnavailable(reason: "\(error)")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SearchIndexError.cannotCreateDirectory(path: path, reason: "\(error)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { [rankings] db in
            db.add(tokenizer: BigramTokenizer.self)
            try rankings.open(db)
            try PhraseCountFunction.register(on: db)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            schemaState = try Self.immediateWrite(pool) { db in try IndexSchema.prepare(db) }
        } catch {
            throw SearchIndexError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The index with whole-word ranking by the standard segmenter: jieba's dictionary and HMM
    /// (see `Segmenter.standard`) plus the domain dictionary at `domainDictionary`.
    public convenience init(path: String, domainDictionary: URL) throws {
        try self.init(path: path, segmenter: try Segmenter.standard(domainDictionary: domainDictionary))
    }

    /// Replaces every row of `reportId` with its metadata, its stored paragraphs and its
    /// report-level FTS5 row, so a retried job leaves the same index as a single run.
    public func index(reportId: String, file: String, document: ParsedDocument) throws -> IndexResult {
        let rows = ParagraphRow.rows(of: document)
        let characters = rows.reduce(0) { $0 + $1.body.unicodeScalars.count }
        let stored = StoredReport(rows: rows)
        try perform("indexing report \(reportId)") { db in
            try Self.deleteRows(of: reportId, db)
            try db.execute(
                sql: """
                    INSERT INTO reports (report_id, file, title, region, year, paragraphs, characters, level)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [reportId, file, document.title, document.region, Self.year(of: document),
                            rows.count, characters, document.regionLevel])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO report_text (id, titles, places, body) VALUES (?, ?, ?, ?)",
                           arguments: [id, stored.titles, Data(stored.places), Data(stored.body.utf8)])
            try db.execute(sql: "INSERT INTO report_fts (rowid, body) VALUES (?, ?)", arguments: [id, stored.body])
        }
        return IndexResult(paragraphs: rows.count, characters: characters, indexSchema: IndexSchema.version)
    }

    /// Removes a report; removing one that is not indexed does nothing.
    public func remove(reportId: String) throws {
        try perform("removing report \(reportId)") { db in try Self.deleteRows(of: reportId, db) }
    }

    /// Merges the FTS5 index into one segment (FTS5's 'optimize'): a query then reads one
    /// position list per term instead of one per segment. Worth running after a bulk (re)index;
    /// it rewrites the whole index, in one transaction.
    public func optimize() throws {
        try perform("optimizing the index") { db in
            try db.execute(sql: "INSERT INTO report_fts (report_fts) VALUES ('optimize')")
        }
    }

    /// The number of indexed reports.
    public func count() throws -> Int {
        try read("counting reports") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports") ?? 0 }
    }

    /// The number of indexed paragraphs, over all reports.
    public func paragraphCount() throws -> Int {
        try read("counting paragraphs") { db in try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(paragraphs), 0) FROM reports") ?? 0 }
    }

    /// The year a report is filed under: the year it plans for, as in "the 2023 government
    /// work report", which reviews 2022. Without a plan year, the year after the reviewed one.
    static func year(of document: ParsedDocument) -> Int? {
        document.planYear ?? document.reviewYear.map { $0 + 1 }
    }

    /// Contentless FTS5 rows are deleted by handing FTS5 the text they were indexed with
    /// (SQLite 3.40 has no contentless_delete), which `report_text` keeps.
    private static func deleteRows(of reportId: String, _ db: Database) throws {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM reports WHERE report_id = ?", arguments: [reportId]) else { return }
        try db.execute(
            sql: """
                INSERT INTO report_fts (report_fts, rowid, body)
                SELECT 'delete', id, CAST(body AS TEXT) FROM report_text WHERE id = ?
                """,
            arguments: [id])
        try db.execute(sql: "DELETE FROM report_text WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM reports WHERE id = ?", arguments: [id])
    }

    /// IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later can
    /// fail with SQLITE_BUSY at once when another process writes, whatever the busy timeout.
    private static func immediateWrite<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    private func perform(_ operation: String, _ body: (Database) throws -> Void) throws {
        do {
            try Self.immediateWrite(pool, body)
        } catch {
            throw SearchIndexError.databaseFailure(path: path, operation: operation, reason: "\(error)")
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw SearchIndexError.databaseFailure(path: path, operation: operation, reason: "\(error)")
        }
    }
}
