import Foundation
import ReportProtocol
import XCTest
@testable import Daemon

final class StateStoreTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func openStore() throws -> StateStore {
        try StateStore(path: directory.appendingPathComponent("state.sqlite").path)
    }

    private let id = String(repeating: "ab", count: 32)
    private let headline = DocumentHeadline(title: nil, region: nil, planYear: nil, indicators: 0)
    private let fingerprint = TextFingerprint(paragraphs: ["实现地区生产总值213亿元，增长4%。"])

    func testAListOfNamedReportsHasExactlyThoseThatAreStored() throws {
        let store = try openStore()
        let ids = ["a", "b", "c"].map { String(repeating: $0, count: 64) }
        for (index, id) in ids.enumerated() { _ = try store.accept(id: id, file: "\(index).txt", size: 10, time: "2026-01-0\(index + 1)T00:00:00Z") }
        var filter = StateStore.ReportListFilter(limit: 10)
        filter.ids = [ids[0], ids[2], String(repeating: "f", count: 64)]
        let list = try store.reportList(filter)
        XCTAssertEqual(list.reports.map(\.reportId), [ids[2], ids[0]], "newest first, the unknown id left out")
        XCTAssertEqual(list.total, 2)
    }

    func testAcceptingKnownContentTwiceRecordsItOnce() throws {
        let store = try openStore()
        let first = try XCTUnwrap(try store.accept(id: id, file: "a.txt", size: 10, time: "t"))
        XCTAssertEqual(first.seq, 1)
        XCTAssertEqual(first.topic, .accepted)
        XCTAssertNil(try store.accept(id: id, file: "copy.txt", size: 10, time: "t"))
        XCTAssertEqual(try store.report(id: id)?.file, "a.txt")
    }

    func testTheEnvelopeIsTheWireFormatWithTheWorkersBytesAsData() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "2026-01-01T00:00:00Z")
        let document = Array(#"{"title":"报告","encoding":"utf-8"}"#.utf8)
        let parsed = try XCTUnwrap(try store.recordParsed(id: id, file: "a.txt", document: document, headline: headline, fingerprint: fingerprint, nearDuplicate: nil, time: "t2").first)
        let envelope = try FeedEnvelope.decode(frames: parsed.frames)
        XCTAssertEqual(envelope.seq, 2)
        XCTAssertEqual(envelope.topic, .parsed)
        XCTAssertEqual(envelope.reportId, id)
        XCTAssertEqual(envelope.data["title"]?.stringValue, "报告")
        let text = String(decoding: parsed.envelope, as: UTF8.self)
        XCTAssertTrue(text.contains(#""report_id":"\#(id)""#), text)
        XCTAssertTrue(text.contains(#""schema":1"#), text)
    }

    func testAReportIsDoneOnlyWhenBothIndexAndSummaryAreIn() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "t")
        _ = try store.recordParsed(id: id, file: "a.txt", document: Array("{}".utf8), headline: headline, fingerprint: fingerprint, nearDuplicate: nil, time: "t")
        let afterSummary = try store.recordSummary(id: id, file: "a.txt", result: Array("{}".utf8), keywords: 0, time: "t")
        XCTAssertEqual(afterSummary.map(\.topic), [.summarized])
        XCTAssertEqual(try store.report(id: id)?.state, .parsed)
        let afterIndex = try store.recordIndexed(id: id, file: "a.txt", result: Array("{}".utf8), time: "t")
        XCTAssertEqual(afterIndex.map(\.topic), [.indexed, .done])
        XCTAssertEqual(try store.report(id: id)?.state, .done)
        XCTAssertEqual(try store.unfinishedReports(), [])
    }

    func testSequenceNumbersKeepIncreasingAcrossReopeningAndTrimming() throws {
        var store = try openStore()
        for index in 0..<5 {
            _ = try store.accept(id: String(format: "%064d", index), file: "\(index).txt", size: 1, time: "t")
        }
        try store.trimEvents(keep: 2)
        XCTAssertEqual(try store.events(since: 0, limit: 100).map(\.seq), [4, 5])
        store = try openStore()
        let next = try XCTUnwrap(try store.accept(id: String(format: "%064d", 9), file: "9.txt", size: 1, time: "t"))
        XCTAssertEqual(next.seq, 6, "seq survives a restart and is never reused after trimming")
        XCTAssertEqual(try store.lastSeq(), 6)
    }

    func testReplayFiltersByTopicPrefixAndPages() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "t")
        _ = try store.recordParsed(id: id, file: "a.txt", document: Array("{}".utf8), headline: headline, fingerprint: fingerprint, nearDuplicate: nil, time: "t")
        _ = try store.recordFailure(id: id, file: "a.txt", stage: "indexer", reason: "broken", attempts: 3, time: "t")
        XCTAssertEqual(try store.events(since: 0, limit: 10, topicPrefix: "report.fail").map(\.topic), [.failed])
        XCTAssertEqual(try store.events(since: 1, limit: 1).map(\.seq), [2])
        XCTAssertEqual(try store.events(since: 0, limit: 10, topicPrefix: "report.%").count, 0,
                       "LIKE wildcards in a prefix are literal")
    }

    func testRetryPutsAFailedReportBackAtTheStart() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "t")
        XCTAssertNil(try store.requeue(id: id, time: "t"), "only failed reports can be retried")
        _ = try store.recordFailure(id: id, file: "a.txt", stage: "parser", reason: "crashed", attempts: 3, time: "t")
        let event = try XCTUnwrap(try store.requeue(id: id, time: "t"))
        XCTAssertEqual(event.topic, .accepted)
        let record = try XCTUnwrap(try store.report(id: id))
        XCTAssertEqual(record.state, .accepted)
        XCTAssertEqual(record.attempts, 0)
        XCTAssertNil(record.error)
    }

    func testAttemptsAreCountedDurably() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "t")
        let noNearDuplicate: (String, TextFingerprint) -> NearDuplicate? = { _, _ in nil }
        _ = try store.commit([.attempts(id: id, count: 2)], time: "t", nearDuplicate: noNearDuplicate, parsedStored: { _, _, _ in },
                             facts: { _ in nil })
        XCTAssertEqual(try openStore().report(id: id)?.attempts, 2)
    }

    func testAShortIdPrefixFindsTheReport() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "a.txt", size: 10, time: "t")
        XCTAssertEqual(try store.reports(idPrefix: "abababab").map(\.id), [id])
        XCTAssertEqual(try store.reports(idPrefix: "abababac"), [])
    }
}

extension StateStoreTests {
    func testTheDoneEventNamesTheNearDuplicateRecordedAtParseTime() throws {
        let store = try openStore()
        _ = try store.accept(id: id, file: "web.txt", size: 10, time: "2026-01-01T00:00:00.000Z")
        let earlier = NearDuplicate(reportId: String(repeating: "cd", count: 32), file: "pdf.txt", similarity: 0.93)
        _ = try store.recordParsed(id: id, file: "web.txt", document: Array(#"{"region":"延庆区"}"#.utf8),
                                   headline: DocumentHeadline(title: nil, region: "延庆区", planYear: 2026, indicators: 3),
                                   fingerprint: fingerprint, nearDuplicate: earlier, time: "2026-01-01T00:00:01.000Z")
        _ = try store.recordIndexed(id: id, file: "web.txt", result: Array("{}".utf8), time: "2026-01-01T00:00:02.000Z")
        let done = try XCTUnwrap(try store.recordSummary(id: id, file: "web.txt", result: Array(#"{"keywords":["a","b"]}"#.utf8),
                                                        keywords: 2, time: "2026-01-01T00:00:02.500Z").last)
        let envelope = try FeedEnvelope.decode(frames: done.frames)
        XCTAssertEqual(envelope.topic, .done)
        XCTAssertEqual(envelope.data["near_duplicate_of"]?["report_id"]?.stringValue, earlier.reportId)
        XCTAssertEqual(envelope.data["near_duplicate_of"]?["similarity"]?.doubleValue, 0.93)
        XCTAssertEqual(envelope.data["region"]?.stringValue, "延庆区")
        XCTAssertEqual(envelope.data["elapsed_ms"]?.intValue, 2500)
        XCTAssertEqual(envelope.data["plan_year"]?.intValue, 2026)
        XCTAssertEqual(envelope.data["indicators"]?.intValue, 3)
        XCTAssertEqual(envelope.data["keywords"]?.intValue, 2)
        XCTAssertEqual(envelope.data["title"], .null, "a field the parser did not find is null")
        var fingerprinted: [String] = []
        try store.forEachFingerprint { id, _, _ in fingerprinted.append(id) }
        XCTAssertEqual(fingerprinted, [id])
    }
}
