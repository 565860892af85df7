import Foundation
import GRDB
import ReportProtocol

/// Changing a report's state: each call is one transaction that also appends the events
/// announcing the change, and returns them for publishing after the commit.
extension StateStore {
    /// Records a new report, or returns nil when this content is already known.
    func accept(id: String, file: String, size: Int, time: String) throws -> PublishedEvent? {
        try database.write { db -> PublishedEvent? in
            try db.cachedStatement(sql: """
                INSERT INTO reports(id, file, size, state, received_at) VALUES (?, ?, ?, 'accepted', ?)
                ON CONFLICT(id) DO NOTHING
                """).execute(arguments: [id, file, size, time])
            guard db.changesCount == 1 else { return nil }
            return try Self.appendEvent(db, .accepted, id: id, file: file, time: time, data: AcceptedData(size: size))
        }
    }

    /// Records the parser's result of an `accepted` report; a late or repeated result changes nothing.
    /// The attempt count starts again for the next stages.
    func recordParsed(id: String, file: String, document: [UInt8], headline: DocumentHeadline, fingerprint: TextFingerprint,
                      nearDuplicate: NearDuplicate?, time: String) throws -> [PublishedEvent] {
        try database.write { db in
            try Self.recordParsed(db, id: id, file: file, document: document, headline: headline, fingerprint: fingerprint,
                                  nearDuplicate: nearDuplicate, time: time)
        }
    }

    static func recordParsed(_ db: Database, id: String, file: String, document: [UInt8], headline: DocumentHeadline,
                             fingerprint: TextFingerprint, nearDuplicate: NearDuplicate?, time: String) throws -> [PublishedEvent] {
        try db.cachedStatement(sql: """
            UPDATE reports SET state = 'parsed', attempts = 0, \(Stage.parse.column) = ?, near_duplicate = ?,
                title = ?, region = ?, plan_year = ?, indicators = ?
            WHERE id = ? AND state = 'accepted'
            """).execute(arguments: [Data(document), try nearDuplicate.map { Data(try WireJSON.encode($0)) },
                                     headline.title, headline.region, headline.planYear, headline.indicators, id])
        guard db.changesCount == 1 else { return [] }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO fingerprints(id, file, sketch) VALUES (?, ?, ?)")
            .execute(arguments: [id, file, Data(fingerprint.bytes)])
        return [try appendEvent(db, Stage.parse.topic, id: id, file: file, time: time, rawData: document, dataIsDocument: true)]
    }

    /// Records the indexer's result of a `parsed` report; see `recordStage`.
    func recordIndexed(id: String, file: String, result: [UInt8], time: String) throws -> [PublishedEvent] {
        try database.write { db in try Self.recordStage(db, .index, id: id, file: file, result: result, output: .index, time: time) }
    }

    /// Records the summarizer's result of a `parsed` report, with its keyword count for `report.done`.
    func recordSummary(id: String, file: String, result: [UInt8], keywords: Int, time: String) throws -> [PublishedEvent] {
        try database.write { db in
            try Self.recordStage(db, .summarize, id: id, file: file, result: result, output: .summary(keywords: keywords), time: time)
        }
    }

    /// Stores a later stage's result of a `parsed` report; when every stage is in, the same
    /// transaction marks it done. A late or repeated result (the report failed meanwhile, or the
    /// stage is in) changes nothing. The conditions come from the stage graph (`Stage.all`).
    static func recordStage(_ db: Database, _ stage: Stage, id: String, file: String, result: [UInt8], output: StageOutput,
                            time: String, facts: (String) -> DocumentFacts? = { _ in nil }) throws -> [PublishedEvent] {
        var sets = ["\(stage.column) = ?"]
        var arguments: [DatabaseValueConvertible?] = [Data(result)]
        if case .summary(let keywords) = output {
            sets.append("keywords = ?")
            arguments.append(keywords)
        }
        try db.cachedStatement(sql: """
            UPDATE reports SET \(sets.joined(separator: ", "))
            WHERE id = ? AND state = 'parsed' AND \(stage.column) IS NULL
            """).execute(arguments: StatementArguments(arguments + [id]))
        guard db.changesCount == 1 else { return [] }
        return [try appendEvent(db, stage.topic, id: id, file: file, time: time, rawData: result)]
            + (try finishIfComplete(db, id: id, file: file, time: time, facts: facts))
    }

    /// Marks a `parsed` report done when every stage's column is filled, and returns what announces
    /// it. Whatever else belongs to the moment a report is done (more rows, more envelopes after
    /// `report.done`) goes here, in the same transaction.
    private static func finishIfComplete(_ db: Database, id: String, file: String, time: String,
                                         facts: (String) -> DocumentFacts?) throws -> [PublishedEvent] {
        // The headline comes back from the same statement.
        let done = try Row.fetchOne(db.cachedStatement(sql: """
            UPDATE reports SET state = 'done', finished_at = ?
            WHERE id = ? AND state = 'parsed' AND \(completeCondition)
            RETURNING received_at, near_duplicate, title, region, plan_year, indicators, keywords
            """), arguments: [time, id])
        guard let done else { return [] }
        return [try appendEvent(db, .done, id: id, file: file, time: time, data: try overview(done, finishedAt: time))]
            + (try TargetResolution.reportBecameDone(db, id: id, file: file, time: time, done: done, facts: facts(id)))
    }

    /// Every stage's result is in.
    static let completeCondition = Stage.all.map { "\($0.column) IS NOT NULL" }.joined(separator: " AND ")

    /// Replaces a finished report's index result and announces it with `report.indexed`;
    /// nothing when the report is no longer done.
    static func recordReindexed(_ db: Database, id: String, file: String, result: [UInt8], time: String) throws -> PublishedEvent? {
        try db.execute(sql: "UPDATE reports SET \(Stage.index.column) = ? WHERE id = ? AND state = 'done'",
                       arguments: [Data(result), id])
        guard db.changesCount == 1 else { return nil }
        return try appendEvent(db, Stage.index.topic, id: id, file: file, time: time, rawData: result)
    }

    /// Ends a report that is still in the pipeline; nil when it had already ended (a late failure).
    func recordFailure(id: String, file: String, stage: String, reason: String, attempts: Int,
                              time: String) throws -> PublishedEvent? {
        try database.write { db in
            try Self.recordFailure(db, id: id, file: file, stage: stage, reason: reason, attempts: attempts, time: time)
        }
    }

    static func recordFailure(_ db: Database, id: String, file: String, stage: String, reason: String, attempts: Int,
                              time: String) throws -> PublishedEvent? {
        try db.cachedStatement(sql: """
            UPDATE reports SET state = 'failed', error = ?, attempts = ?, finished_at = ?
            WHERE id = ? AND state IN ('accepted', 'parsed')
            """).execute(arguments: [reason, attempts, time, id])
        guard db.changesCount == 1 else { return nil }
        return try appendEvent(db, .failed, id: id, file: file, time: time,
                               data: FailedData(stage: stage, reason: reason, attempts: attempts))
    }

    func recordShelf(id: String, name: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE reports SET shelved_as = ? WHERE id = ?", arguments: [name, id])
        }
    }

    /// Sets the tries of a report's current stage, so a report that kills workers is not retried
    /// forever, even across daemon restarts.
    static func recordAttempts(_ db: Database, id: String, count: Int) throws {
        try db.cachedStatement(sql: "UPDATE reports SET attempts = ? WHERE id = ? AND state IN ('accepted', 'parsed')")
            .execute(arguments: [count, id])
    }

    /// Puts a failed report back at the start of the pipeline (`reportctl retry`).
    func requeue(id: String, time: String) throws -> PublishedEvent? {
        try database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT file, size, state FROM reports WHERE id = ?", arguments: [id]),
                  row["state"] as String == ReportState.failed.rawValue else { return nil }
            // The document is about to go: its report.parsed events take their own copy first.
            try Self.detachDocument(db, id: id)
            try db.execute(sql: """
                UPDATE reports SET state = 'accepted', error = NULL, attempts = 0, finished_at = NULL,
                    document = NULL, index_result = NULL, summary = NULL, keywords = NULL WHERE id = ?
                """, arguments: [id])
            return try Self.appendEvent(db, .accepted, id: id, file: row["file"], time: time,
                                        data: AcceptedData(size: row["size"], retry: true))
        }
    }

    /// Keeps the newest `keep` events for replay; seq numbers are never reused.
    func trimEvents(keep: Int) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM events WHERE seq <= (SELECT MAX(seq) FROM events) - ?", arguments: [keep])
        }
    }

    /// The headline of a finished report, from the columns its parse and summary results filled.
    private static func overview(_ row: Row, finishedAt: String) throws -> DoneData {
        let received = (row["received_at"] as String?).flatMap(Date.init(rfc3339:))
        let finished = Date(rfc3339: finishedAt)
        let nearDuplicate = try (row["near_duplicate"] as Data?).map { try WireJSON.decode(NearDuplicate.self, from: Array($0)) }
        return DoneData(title: row["title"], region: row["region"], planYear: row["plan_year"],
                        indicators: row["indicators"], keywords: row["keywords"], nearDuplicateOf: nearDuplicate,
                        elapsedMs: received.flatMap { start in finished.map { Int($0.timeIntervalSince(start) * 1000) } })
    }
}

/// The data of `report.accepted`.
struct AcceptedData: Encodable {
    var size: Int
    var retry: Bool?
}

/// The data of `report.done`: a headline of the finished report, and how long it took.
struct DoneData: Encodable {
    var title: String?
    var region: String?
    var planYear: Int?
    var indicators: Int?
    var keywords: Int?
    /// The earlier report with nearly the same text (the same report in another format), if any.
    var nearDuplicateOf: NearDuplicate?
    /// From acceptance to done.
    var elapsedMs: Int?

    func encode(to encoder: Encoder) throws {
        // Explicit nulls: a field the parser could not find is null, not absent.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(region, forKey: .region)
        try container.encode(planYear, forKey: .planYear)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(keywords, forKey: .keywords)
        try container.encode(nearDuplicateOf, forKey: .nearDuplicateOf)
        try container.encode(elapsedMs, forKey: .elapsedMs)
    }

    private enum CodingKeys: String, CodingKey { case title, region, planYear, indicators, keywords, nearDuplicateOf, elapsedMs }
}

/// The data of `report.failed`: which stage gave up, why, and after how many tries.
struct FailedData: Encodable {
    var stage: String
    var reason: String
    var attempts: Int
}
