import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// The real daemon, its real plugins, real sockets and real files.
final class PipelineEndToEndTests: XCTestCase {
    private let samplePrefixes = ["000", "001", "002", "003", "004"]

    func testFiveSamplesReachDoneInOrderAndARestartRepublishesNothing() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let feed = try FeedSubscriber(endpoint: daemon.feedEndpoint)
        Thread.sleep(forTimeInterval: 0.3)  // let the subscription reach the XPUB

        var expectedIds: [String: String] = [:]
        for (index, prefix) in samplePrefixes.enumerated() {
            let url = try RepositoryPaths.corpusFile(prefix)
            let bytes = Array(try Data(contentsOf: url))
            expectedIds[url.lastPathComponent] = ContentHash.of(bytes)
            switch index {
            case 0: try daemon.dropByRename(bytes, as: url.lastPathComponent)
            case 1: try daemon.dropSlowly(bytes, as: url.lastPathComponent)
            default: try daemon.drop(bytes, as: url.lastPathComponent)
            }
        }

        let events = try feed.collectUntilSettled(5, timeout: 90)
        XCTAssertEqual(Set(events.filter { $0.topic == .done }.map(\.reportId)), Set(expectedIds.values),
                       "every sample reaches report.done; log:\n\(daemon.log)")
        XCTAssertTrue(events.filter { $0.topic == .failed }.isEmpty, "no sample fails: \(events.filter { $0.topic == .failed })")
        XCTAssertEqual(events.map(\.seq), events.map(\.seq).sorted(), "seq increases in feed order")
        XCTAssertEqual(Set(events.map(\.seq)).count, events.count, "seq never repeats")
        for (file, id) in expectedIds {
            let mine = events.filter { $0.reportId == id }
            XCTAssertTrue(mine.allSatisfy { $0.file == file }, "events of \(id) name \(file)")
            XCTAssertEqual(mine.first?.topic, .accepted)
            XCTAssertEqual(mine.dropFirst().first?.topic, .parsed)
            XCTAssertEqual(Set(mine.dropFirst(2).prefix(2).map(\.topic)), [.indexed, .summarized])
            XCTAssertEqual(mine.last?.topic, .done)
            XCTAssertEqual(mine.count, 5)
        }
        let id000 = try XCTUnwrap(expectedIds[try RepositoryPaths.corpusFile("000").lastPathComponent])
        let id001 = try XCTUnwrap(expectedIds[try RepositoryPaths.corpusFile("001").lastPathComponent])
        XCTAssertNotEqual(id000, id001, "the same report formatted differently is different content")

        let parsed = try XCTUnwrap(events.first { $0.topic == .parsed && $0.reportId == id000 })
        XCTAssertEqual(parsed.data["region"]?.stringValue, "延庆区")
        let done = try XCTUnwrap(events.first { $0.topic == .done && $0.reportId == id000 })
        XCTAssertEqual(done.data["region"]?.stringValue, "延庆区", "report.done carries the headline")
        XCTAssertNotNil(done.data["elapsed_ms"]?.intValue)
        let duplicates = events.filter { $0.topic == .done }.compactMap { done in
            done.data["near_duplicate_of"]?["report_id"]?.stringValue.map { [done.reportId, $0] }
        }
        XCTAssertEqual(duplicates.map(Set.init), [[id000, id001]], "000 and 001 are recognised as the same report")
        let summarized = try XCTUnwrap(events.first { $0.topic == .summarized && $0.reportId == id000 })
        XCTAssertFalse(summarized.data["keywords"]?.arrayValue?.isEmpty ?? true)

        let search = try daemon.control().request(.init(command: .search, query: "冬奥", limit: 10))
        XCTAssertTrue(search.ok, search.error ?? "")
        let hits = try XCTUnwrap(search.data?.decode(SearchResponse.self)).hits
        XCTAssertTrue(Set(hits.map(\.reportId)).isSuperset(of: [id000, id001]), "both 延庆 reports mention 冬奥")

        XCTAssertEqual(daemon.files(in: "processed").count, 5, "inputs move to processed/")
        XCTAssertEqual(daemon.stop(), 0, "SIGTERM exits 0; log:\n\(daemon.log)")

        let lastSeq = try XCTUnwrap(events.last?.seq)
        try daemon.start()
        let again = try FeedSubscriber(endpoint: daemon.feedEndpoint)
        try again.collect(timeout: 3) { !$0.isEmpty }
        XCTAssertTrue(again.received.isEmpty, "a restart publishes nothing new: \(again.received.map(\.topic))")
        let replay = try daemon.control().request(.init(command: .replay, limit: 1000, since: 0))
        let replayed = try XCTUnwrap(replay.data?["events"]?.arrayValue)
        XCTAssertEqual(replayed.count, events.count, "the history holds each event once")
        XCTAssertEqual(replayed.last?["seq"]?.intValue.map(Int64.init), lastSeq)
        XCTAssertEqual(daemon.stop(), 0)
    }

    func testBadInputFailsWithAReasonAndTheDaemonKeepsServing() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let feed = try FeedSubscriber(endpoint: daemon.feedEndpoint)
        Thread.sleep(forTimeInterval: 0.3)

        try daemon.drop([], as: "empty.txt")
        try daemon.drop([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7) },
                        as: "picture.txt")
        var generator = SystemRandomNumberGenerator()
        try daemon.drop((0..<4000).map { _ in UInt8.random(in: 0x80...0xFE, using: &generator) }, as: "noise.txt")
        let failures = try feed.collectUntilSettled(3, timeout: 60).filter { $0.topic == .failed }
        XCTAssertEqual(failures.count, 3, "log:\n\(daemon.log)")
        // Random high bytes are either invalid in every encoding or valid GB18030 that reads as nonsense.
        let expectedWords = ["empty.txt": ["empty"], "picture.txt": ["PNG"], "noise.txt": ["no sensible text", "not valid"]]
        for failure in failures {
            let reason = failure.data["reason"]?.stringValue ?? ""
            XCTAssertTrue(reason.contains(failure.file), "the reason names the file: \(reason)")
            XCTAssertTrue(expectedWords[failure.file, default: []].contains { reason.contains($0) },
                          "the reason names the problem: \(reason)")
        }
        let failedFiles = daemon.files(in: "failed")
        for name in ["empty.txt", "picture.txt", "noise.txt"] {
            XCTAssertTrue(failedFiles.contains(name), "\(name) in failed/: \(failedFiles)")
            XCTAssertTrue(failedFiles.contains(name + ".reason.txt"), "\(name) has a reason file")
        }

        let good = try RepositoryPaths.corpusFile("003")
        try daemon.dropByRename(Array(try Data(contentsOf: good)), as: good.lastPathComponent)
        let all = try feed.collectUntilSettled(4, timeout: 60)
        XCTAssertTrue(all.contains { $0.topic == .done && $0.file == good.lastPathComponent }, "a good report still completes")
        XCTAssertTrue(try daemon.control().request(.init(command: .status)).ok)
        XCTAssertEqual(daemon.stop(), 0)
    }
}
