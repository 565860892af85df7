import Foundation
import GRDB
import ReportProtocol

/// The feed history in the `events` table. A `report.parsed` envelope carries the whole parsed
/// document (40-50 KB) as its data, which `reports.document` already holds: its row keeps the
/// envelope without the data (`{"data":` then the rest) and `data_is_document = 1`, and reading
/// splices the document back in, so a replayed envelope is byte for byte the one published.
/// The document of such a report is never replaced while it is shared: it is written only when
/// an `accepted` report is parsed, and `requeue` gives the shared rows their own copy before it
/// clears it (`detachDocument`).
extension StateStore {
    /// The columns `event(_:)` reads: the stored envelope and, for a shared one, its report's document.
    static let eventColumns = """
        SELECT seq, topic, envelope,
               CASE WHEN data_is_document THEN (SELECT document FROM reports WHERE reports.id = events.report_id) END AS document
        FROM events
        """

    /// One `replay` page: events with seq > `since` (and the topic prefix), oldest first, at most
    /// `limit` of them and, after the first, at most `maxBytes` of envelopes. Rows are read one at
    /// a time and the read stops at the first that does not fit, so a page of a few large parsed
    /// documents never loads the thousands of rows `limit` allows. Skipping an envelope that does
    /// not fit for a smaller later one would leave a hole the client never asks for again.
    /// `more` says whether a matching event follows the page.
    func eventPage(since: Int64, limit: Int, maxBytes: Int, topicPrefix: String? = nil) throws -> EventPage {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                \(Self.eventColumns) WHERE seq > ? AND topic LIKE ? ESCAPE '\\'
                ORDER BY seq
                """, arguments: [since, Self.likePrefix(topicPrefix ?? "")])
            var page = EventPage(events: [], more: false)
            var bytes = 0
            while let row = try rows.next() {
                guard let event = Self.event(row) else { continue }
                guard page.events.count < limit, page.events.isEmpty || bytes + event.envelope.count <= maxBytes else {
                    page.more = true
                    break
                }
                page.events.append(event)
                bytes += event.envelope.count
            }
            return page
        }
    }

    static func event(_ row: Row) -> PublishedEvent? {
        guard let topic = FeedTopic(rawValue: row["topic"]) else { return nil }
        let stored = Array(row["envelope"] as Data)
        guard let document = row["document"] as Data? else {
            return PublishedEvent(seq: row["seq"], topic: topic, envelope: stored)
        }
        return PublishedEvent(seq: row["seq"], topic: topic, envelope: splice(Array(document), into: stored))
    }

    static func appendEvent(_ db: Database, _ topic: FeedTopic, id: String, file: String, time: String,
                            data: some Encodable) throws -> PublishedEvent {
        try appendEvent(db, topic, id: id, file: file, time: time, rawData: WireJSON.encode(data))
    }

    /// Inserts the event with its envelope in one row write. The envelope names its own seq, so
    /// the seq is taken first: the next AUTOINCREMENT value, which only this write transaction can
    /// use. With `dataIsDocument` the data is the report's stored document and is not written again.
    static func appendEvent(_ db: Database, _ topic: FeedTopic, id: String, file: String, time: String,
                            rawData: [UInt8], dataIsDocument: Bool = false) throws -> PublishedEvent {
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'")) ?? 0
        let seq = last + 1
        let envelope = try EnvelopeEncoder.encode(seq: seq, topic: topic, reportId: id, file: file, time: time, data: rawData)
        let stored = dataIsDocument ? Array(envelope[..<dataStart] + envelope[(dataStart + rawData.count)...]) : envelope
        try db.cachedStatement(sql: "INSERT INTO events(seq, topic, report_id, envelope, data_is_document) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [seq, topic.rawValue, id, Data(stored), dataIsDocument])
        return PublishedEvent(seq: seq, topic: topic, envelope: envelope)
    }

    /// Gives the report's events that share its document a copy of their own, before the
    /// document is cleared.
    static func detachDocument(_ db: Database, id: String) throws {
        let rows = try Row.fetchAll(db, sql: "\(eventColumns) WHERE report_id = ? AND data_is_document", arguments: [id])
        for event in rows.compactMap(event) {
            try db.execute(sql: "UPDATE events SET envelope = ?, data_is_document = 0 WHERE seq = ?",
                           arguments: [Data(event.envelope), event.seq])
        }
    }

    /// Where the data starts in an envelope: after `{"data":` (sorted keys put it first; `EnvelopeEncoder` checks).
    private static let dataStart = #"{"data":"#.utf8.count

    private static func splice(_ document: [UInt8], into stored: [UInt8]) -> [UInt8] {
        var envelope: [UInt8] = []
        envelope.reserveCapacity(stored.count + document.count)
        envelope += stored[..<dataStart]
        envelope += document
        envelope += stored[dataStart...]
        return envelope
    }
}

/// A page of the feed history, and whether more follows it.
struct EventPage: Equatable {
    var events: [PublishedEvent]
    var more: Bool
}
