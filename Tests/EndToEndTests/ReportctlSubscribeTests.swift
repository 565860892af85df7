import Foundation
import ReportProtocol
import XCTest

/// `reportctl subscribe` against a real reportd processing real reports: the replay, the live feed
/// and the hand-over between them, which must lose nothing and repeat nothing.
final class ReportctlSubscribeTests: XCTestCase {
    func testSinceReplaysTheHistoryThenFollowsLiveEventsWithoutGapOrDuplicate() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let earlier = try ["000", "002", "003"].map { try daemon.dropSample($0).reportId }
        let stored = try daemon.awaitReports(earlier)
        let lastStored = try XCTUnwrap(stored.last?.seq)
        XCTAssertEqual(lastStored, 15, "three reports, five events each")

        let subscriber = try reportctl.start(["subscribe", "--since", "4"])
        // Dropping only once the replay is printed makes the rest arrive live.
        try awaitPrinted(by: subscriber, "the replay up to seq \(lastStored)") { $0.contains { $0.seq == lastStored } }
        let later = try ["001", "004"].map { try daemon.dropSample($0).reportId }
        try awaitPrinted(by: subscriber, "report.done of \(later)") { events in
            Set(later).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }
        subscriber.signal(SIGINT)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)

        let history = try daemon.history()
        let lastSeq = try XCTUnwrap(history.last?.seq)
        XCTAssertEqual(lastSeq, 25, "five reports, five events each")
        let printed = try printedEvents(subscriber)
        XCTAssertEqual(printed.map(\.seq), Array(5...lastSeq), "every event after seq 4, once, in order")
        XCTAssertEqual(printed, Array(history.drop { $0.seq <= 4 }), "each line is the stored event")
    }

    /// A late joiner asking for the whole history: with a page cap of 64 KB, eight reports' history
    /// takes a page per parsed document; every page must follow, then the live feed.
    func testAHistoryOfManyPagesReplaysCompletelyThenFollowsLiveEvents() throws {
        let daemon = try DaemonProcess(config: "[feed]\nreplay_page_bytes = 65536\n")
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let variants = try SampleVariants.make(10)
        for variant in variants.prefix(8) { try daemon.dropByRename(variant.bytes, as: variant.name) }
        let stored = try daemon.awaitReports(variants.prefix(8).map { ContentHash.of($0.bytes) })
        let lastStored = try XCTUnwrap(stored.last?.seq)
        let storedBytes = try stored.map { try WireJSON.encode($0).count }.reduce(0, +)
        XCTAssertGreaterThan(storedBytes, 6 * 65536, "the history spans several pages")

        let subscriber = try reportctl.start(["subscribe", "--since", "0"])
        try awaitPrinted(by: subscriber, "the whole history up to seq \(lastStored)") { $0.contains { $0.seq == lastStored } }
        let later = variants.suffix(2).map { ContentHash.of($0.bytes) }
        for variant in variants.suffix(2) { try daemon.dropByRename(variant.bytes, as: variant.name) }
        try awaitPrinted(by: subscriber, "report.done of the two live reports") { events in
            Set(later).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }
        subscriber.signal(SIGINT)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)

        let history = try daemon.history()
        let printed = try printedEvents(subscriber)
        XCTAssertEqual(printed.map(\.seq), Array(1...(history.last?.seq ?? 0)), "every event, once, in order")
        XCTAssertEqual(printed, history, "each line is the stored event")
    }

    func testATopicFilterAppliesToTheReplayAndToLiveEvents() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        var reportIds = try ["000", "002"].map { try daemon.dropSample($0).reportId }
        try daemon.awaitReports(reportIds)

        let subscriber = try reportctl.start(["subscribe", "--topic", "report.done", "--since", "0"])
        try awaitPrinted(by: subscriber, "the two stored report.done") { $0.count == 2 }
        reportIds.append(try daemon.dropSample("003").reportId)
        try awaitPrinted(by: subscriber, "the live report.done") { $0.count == 3 }
        try daemon.awaitReports(reportIds)
        subscriber.signal(SIGINT)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)

        let printed = try printedEvents(subscriber)
        XCTAssertEqual(printed.map(\.topic), [.done, .done, .done], "only report.done lines")
        XCTAssertEqual(printed.map(\.reportId).sorted(), reportIds.sorted(), "one line per report")
        XCTAssertEqual(printed, try daemon.history().filter { $0.topic == .done })
    }

    func testWithoutSinceALiveSubscriberPrintsEveryEventOfAReportDroppedAfterItStarted() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)

        let subscriber = try reportctl.start(["subscribe"])
        // A subscription takes a moment to reach the daemon. A first report proves it has: once its
        // report.done is printed, every event of a report dropped afterwards must be printed too.
        let probe = try daemon.dropSample("000").reportId
        try awaitPrinted(by: subscriber, "report.done of the first report") { events in
            events.contains { $0.topic == .done && $0.reportId == probe }
        }
        let (file, reportId) = try daemon.dropSample("003")
        try awaitPrinted(by: subscriber, "report.done of \(file)") { events in
            events.contains { $0.topic == .done && $0.reportId == reportId }
        }
        subscriber.signal(SIGINT)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)

        let printed = try printedEvents(subscriber).filter { $0.reportId == reportId }
        let topics = printed.map(\.topic)
        XCTAssertEqual(topics.count, 5, "\(topics)")
        XCTAssertEqual(topics.first, .accepted)
        XCTAssertEqual(topics.dropFirst().first, .parsed)
        XCTAssertEqual(Set(topics.dropFirst(2).prefix(2)), [.indexed, .summarized])
        XCTAssertEqual(topics.last, .done)
        XCTAssertTrue(printed.allSatisfy { $0.file == file })
        XCTAssertEqual(printed, try daemon.history().filter { $0.reportId == reportId }, "live events are the stored ones")
    }

    func testAReaderThatGoesAwayEndsTheSubscriptionCleanly() throws {
        let sample = try SampleDaemon(test: self)
        let pipe = Pipe()
        // --since 0 has five stored events to print at once, so the closed pipe is noticed without waiting for news.
        let subscriber = try sample.reportctl.start(["subscribe", "--since", "0"], standardOutput: pipe)
        pipe.fileHandleForReading.closeFile()
        XCTAssertEqual(subscriber.exitStatus(within: 60), 0, "like `reportctl subscribe | head -1`:\n\(subscriber.errorOutput)")
        XCTAssertEqual(subscriber.errorOutput, "")
    }

    /// Every complete line of stdout, each one envelope of JSON Lines.
    private func printedEvents(_ subscriber: ChildProcess) throws -> [FeedEnvelope] {
        var lines = subscriber.output.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line still being written
        return try lines.map { line in
            do { return try WireJSON.decode(FeedEnvelope.self, from: Array(line.utf8)) }
            catch { throw FixtureFailure(message: "not a feed envelope: \(line) (\(error))") }
        }
    }

    /// Waits until what the subscriber printed satisfies `condition`; the wait bounds a hang.
    private func awaitPrinted(by subscriber: ChildProcess, within seconds: TimeInterval = 60, _ what: String,
                              until condition: ([FeedEnvelope]) -> Bool) throws {
        let end = Date() + seconds
        while !condition(try printedEvents(subscriber)) {
            guard Date() < end, subscriber.process.isRunning else {
                throw FixtureFailure(message: "reportctl subscribe never printed \(what); stdout:\n"
                                         + "\(subscriber.output)\nstderr:\n\(subscriber.errorOutput)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
