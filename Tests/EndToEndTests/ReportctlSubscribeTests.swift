import Foundation
import ReportProtocol
import XCTest

/// `reportctl subscribe` against a fake daemon that stores, replays and publishes events the way
/// docs/PROTOCOL.md describes, including the races the clone pattern exists for.
final class ReportctlSubscribeTests: XCTestCase {
    /// Where a scenario is; read and written on the fake daemon's thread only.
    private final class Step: @unchecked Sendable {
        var value = 0
    }

    private var directory: URL!
    private var reportctl: Reportctl!

    override func setUpWithError() throws {
        directory = try TestPaths.scratchDirectory(for: self)
        reportctl = try Reportctl(dataDirectory: directory, test: self)
    }

    private func startDaemon(whenIdle: @escaping FakeDaemon.IdleWork,
                             handler: @escaping FakeDaemon.Handler) throws -> FakeDaemon {
        let daemon = try FakeDaemon(dataDirectory: directory, whenIdle: whenIdle, handler: handler)
        addTeardownBlock { XCTAssertEqual(daemon.stop(), [], "the fake daemon's thread failed") }
        return daemon
    }

    func testSinceReplaysEveryPageThenFollowsLiveEventsWithoutGapOrDuplicate() throws {
        let feed = StoredFeed()
        for _ in 1...2500 { feed.append() }
        let step = Step()
        let daemon = try startDaemon(whenIdle: { live in
            switch step.value {
            case 2:
                // The replay reached the newest event. 2502 is stored but its publication is lost,
                // as one is while a subscription is still on its way; 2503 then arrives live after the gap.
                feed.append()
                try live.awaitSubscription()
                try live.publish(feed.append())
                step.value = 3
            case 4:
                try live.publish(feed.append())
                step.value = 5
            default:
                break
            }
        }) { request, _, live in
            // 2501 is published while the client is still replaying: it reaches it both ways.
            if step.value == 0 { try live.publish(feed.append()) }
            step.value += 1
            return .success(try JSONValue(encoding: feed.page(for: request)))
        }

        let subscriber = try reportctl.start(["subscribe", "--since", "1200"])
        XCTAssertTrue(subscriber.awaitOutputLine { $0.contains(#""seq":2504"#) }, "never printed seq 2504:\n\(subscriber.errorOutput)")
        subscriber.signal(SIGINT)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)

        XCTAssertEqual(try printedEvents(subscriber).map(\.seq), Array(1201...2504))
        let replays = daemon.received
        XCTAssertEqual(replays.map(\.command), [.replay, .replay, .replay])
        XCTAssertEqual(replays.map(\.since), [1200, 2200, 2501], "two pages, then the gap before 2503")
        XCTAssertEqual(replays.map(\.limit), [1000, 1000, 1000])
    }

    func testTopicFiltersReplayAndLiveEventsAlike() throws {
        let feed = StoredFeed()
        for _ in 1...60 { feed.append() }
        let step = Step()
        let daemon = try startDaemon(whenIdle: { live in
            guard step.value == 1 else { return }
            try live.awaitSubscription()
            try live.publish(feed.append(topic: .parsed))
            try live.publish(feed.append(topic: .done))
            step.value = 2
        }) { request, _, _ in
            step.value += 1
            return .success(try JSONValue(encoding: feed.page(for: request)))
        }

        let subscriber = try reportctl.start(["subscribe", "--topic", "report.done", "--since", "0"])
        XCTAssertTrue(subscriber.awaitOutputLine { $0.contains(#""seq":62"#) }, "never printed seq 62:\n\(subscriber.errorOutput)")
        subscriber.signal(SIGTERM)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)

        let events = try printedEvents(subscriber)
        XCTAssertEqual(Set(events.map(\.topic)), [.done])
        XCTAssertEqual(events.map(\.seq), Array(stride(from: 5, through: 59, by: 6)) + [62])
        XCTAssertEqual(daemon.received.map(\.topic), ["report.done", "report.done"])
        XCTAssertEqual(daemon.received.map(\.since), [0, 59], "the replay, then the first live event's gap")
    }

    func testWithoutSinceOnlyLiveEventsArePrintedAndNothingIsAsked() throws {
        let feed = StoredFeed()
        let step = Step()
        let daemon = try startDaemon(whenIdle: { live in
            guard step.value == 0 else { return }
            try live.awaitSubscription()
            for _ in 1...3 { try live.publish(feed.append()) }
            step.value = 1
        }) { _, _, _ in .failure("must not be asked") }

        let subscriber = try reportctl.start(["subscribe"])
        XCTAssertTrue(subscriber.awaitOutputLine { $0.contains(#""seq":3"#) }, "never printed seq 3:\n\(subscriber.errorOutput)")
        subscriber.signal(SIGINT)
        XCTAssertEqual(subscriber.exitStatus(), 0, subscriber.errorOutput)
        XCTAssertEqual(try printedEvents(subscriber).map(\.seq), [1, 2, 3])
        XCTAssertEqual(daemon.received, [])
    }

    func testAReaderThatGoesAwayEndsTheSubscriptionCleanly() throws {
        let feed = StoredFeed()
        _ = try startDaemon(whenIdle: { live in
            // Keeps publishing until reportctl notices nobody reads what it prints.
            guard feed.lastSeq < 5000 else { return }
            try live.awaitSubscription()
            try live.publish(feed.append())
        }) { _, _, _ in .failure("must not be asked") }

        let pipe = Pipe()
        let subscriber = try reportctl.start(["subscribe"], standardOutput: pipe)
        pipe.fileHandleForReading.closeFile()
        XCTAssertEqual(subscriber.exitStatus(), 0, "like `reportctl subscribe | head -1`:\n\(subscriber.errorOutput)")
        XCTAssertEqual(subscriber.errorOutput, "")
    }

    /// Every line of stdout, each one envelope of JSON Lines.
    private func printedEvents(_ subscriber: ChildProcess) throws -> [FeedEnvelope] {
        try subscriber.output.split(separator: "\n").map { line in
            try WireJSON.decode(FeedEnvelope.self, from: Array(line.utf8))
        }
    }
}
