import Foundation
import GRDB
import ReportProtocol
import XCTest
@testable import Daemon

/// A report.parsed row shares the report's stored document, yet replay gives back exactly the
/// envelopes that were published.
final class StoreEventHistoryTests: XCTestCase {
    private let id = String(repeating: "12", count: 32)
    private let headline = DocumentHeadline(title: nil, region: nil, planYear: nil, indicators: 0)
    private let fingerprint = TextFingerprint(paragraphs: ["全区地区生产总值增长5%。"])

    private func document(_ text: String) -> [UInt8] {
        Array(#"{"paragraphs":["\#(String(repeating: text, count: 2000))"],"title":"报告"}"#.utf8)
    }

    func testReplayGivesBackThePublishedEnvelopesWhileTheDocumentIsStoredOnce() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        let parsedDocument = document("增长")
        var published: [PublishedEvent] = []
        do {
            let store = try StateStore(path: path)
            published += [try XCTUnwrap(try store.accept(id: id, file: "a.txt", size: 10, time: "t0"))]
            published += try store.recordParsed(id: id, file: "a.txt", document: parsedDocument, headline: headline,
                                                fingerprint: fingerprint, nearDuplicate: nil, time: "t1")
            published += try store.recordIndexed(id: id, file: "a.txt", result: Array(#"{"paragraphs":1}"#.utf8), time: "t2")
            published += try store.recordSummary(id: id, file: "a.txt", result: Array(#"{"keywords":[]}"#.utf8), keywords: 0, time: "t3")
        }
        XCTAssertEqual(published.map(\.topic), [.accepted, .parsed, .indexed, .summarized, .done])
        XCTAssertEqual(try FeedEnvelope.decode(frames: published[1].frames).data["title"]?.stringValue, "报告")

        let reopened = try StateStore(path: path)
        XCTAssertEqual(try reopened.events(since: 0, limit: 100), published, "replay is byte for byte what was published")
        XCTAssertEqual(try reopened.events(reportId: id), published)
        XCTAssertEqual(try reopened.events(since: 1, limit: 1, topicPrefix: "report.parsed"), [published[1]])

        let storedParsed = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT length(envelope) FROM events WHERE topic = 'report.parsed'")
        }
        XCTAssertEqual(storedParsed, published[1].envelope.count - parsedDocument.count, "the document is not stored a second time")
    }

    func testARetriedReportKeepsItsFirstParsedEnvelopeInTheHistory() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "t0")
        let first = try store.recordParsed(id: id, file: "a.txt", document: document("回顾"), headline: headline,
                                           fingerprint: fingerprint, nearDuplicate: nil, time: "t1")
        _ = try store.recordFailure(id: id, file: "a.txt", stage: "indexer", reason: "broken", attempts: 1, time: "t2")
        _ = try XCTUnwrap(try store.requeue(id: id, time: "t3"))
        let second = try store.recordParsed(id: id, file: "a.txt", document: document("规划"), headline: headline,
                                            fingerprint: fingerprint, nearDuplicate: nil, time: "t4")
        let replayed = try store.events(since: 0, limit: 100, topicPrefix: "report.parsed")
        XCTAssertEqual(replayed, first + second, "the retry's document does not rewrite the first parse's envelope")
        XCTAssertNotEqual(first.first?.envelope, second.first?.envelope)
    }
}

/// `replay` pages: read row by row up to a byte cap, never with a hole, and `more` exactly when
/// an event follows.
final class StoreEventPageTests: XCTestCase {
    func testPagesFollowingMoreReturnEveryEventOnceWhateverTheirSizes() throws {
        let store = try StateStore(path: try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path)
        let headline = DocumentHeadline(title: nil, region: nil, planYear: nil, indicators: 0)
        var published: [PublishedEvent] = []
        for index in 0..<12 {
            let id = ContentHash.of(Array("report \(index)".utf8))
            published += [try XCTUnwrap(try store.accept(id: id, file: "r\(index).txt", size: 10, time: "t"))]
            // Documents of 10 to 120 KB: several per 200 KB page, some pages with one.
            let document = Array(#"{"paragraphs":["\#(String(repeating: "增长", count: 1700 * (index + 1)))"]}"#.utf8)
            published += try store.recordParsed(id: id, file: "r\(index).txt", document: document, headline: headline,
                                                fingerprint: TextFingerprint(paragraphs: ["第\(index)段"]), nearDuplicate: nil, time: "t")
        }
        var replayed: [PublishedEvent] = []
        var pages = 0
        var since: Int64 = 0
        while true {
            let page = try store.eventPage(since: since, limit: 1000, maxBytes: 200_000)
            pages += 1
            replayed += page.events
            let bytes = page.events.map(\.envelope.count).reduce(0, +)
            XCTAssertTrue(page.events.count == 1 || bytes <= 200_000, "page \(pages): \(bytes) bytes")
            guard page.more else { break }
            since = try XCTUnwrap(page.events.last?.seq)
        }
        XCTAssertEqual(replayed, published, "every event, once, in order")
        XCTAssertGreaterThan(pages, 4)
        XCTAssertEqual(try store.eventPage(since: 0, limit: 3, maxBytes: 1 << 30).events.count, 3)
        XCTAssertTrue(try store.eventPage(since: 0, limit: 3, maxBytes: 1 << 30).more)
        XCTAssertFalse(try store.eventPage(since: published.last!.seq - 1, limit: 3, maxBytes: 1).more)
        XCTAssertEqual(try store.eventPage(since: 0, limit: 100, maxBytes: 1, topicPrefix: "report.parsed").events.map(\.seq), [2],
                       "one envelope over the cap goes alone")
    }
}
