import Foundation
import ReportClient
import ReportProtocol
import XCTest
import ZMQ

/// A subscriber that connects and never reads must cost the daemon a bounded queue, not a stall
/// and not memory in proportion to the traffic; what it missed is counted in `reportctl status`.
final class SlowSubscriberTests: XCTestCase {
    func testASubscriberThatNeverReadsStallsNothingAndCostsBoundedMemory() throws {
        let highWaterMark = 50
        let daemon = try DaemonProcess(config: "[feed]\nhigh_water_mark = \(highWaterMark)\n")
        try daemon.start()
        let context = try Context()
        let stuck = try context.socket(.sub)
        defer { stuck.close() }
        try stuck.setReceiveHighWaterMark(10)
        try stuck.subscribe("")
        try stuck.connect(daemon.feedEndpoint)
        try awaitStatus(daemon, "the subscription reaching the daemon") { $0.feed?.subscriptions == 1 }

        let variants = try SampleVariants.make(60)
        for variant in variants { try daemon.dropByRename(variant.bytes, as: variant.name) }
        let ids = Set(variants.map { ContentHash.of($0.bytes) })
        let history = try daemon.awaitHistory(within: 300, "every report done despite the stuck subscriber") { events in
            ids.isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }

        let status = try awaitStatus(daemon, "the feed counters") { ($0.feed?.published ?? 0) >= history.count }
        let feed = try XCTUnwrap(status.feed)
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        let peak = try XCTUnwrap(ProcessMemory.peakResidentKilobytes(of: pid))
        // What the stuck subscriber holds is all it will ever get: its queue, the kernel's buffer and the daemon's.
        var kept: [Int64] = []
        while let frames = try stuck.receiveMultipart(dontWait: true) { kept.append(try FeedEnvelope.decode(frames: frames).seq) }
        let missed = history.count - kept.count
        print("slow subscriber: \(history.count) events, the stuck subscriber kept \(kept.count) and missed \(missed), "
              + "\(feed.overflows) overflow(s) counted, daemon VmHWM \(peak / 1024) MiB")

        XCTAssertEqual(feed.published, history.count, "every event was published once")
        XCTAssertEqual(feed.overflows, 1, "one subscriber stopped reading once: one overflow")
        XCTAssertEqual(feed.unsent, 0)
        XCTAssertEqual(feed.highWaterMark, highWaterMark)
        // Parked at the overflow: it holds the first events, as many as the queues on both sides and the
        // kernel's buffer had room for (about 2 × 50 + 10 here), and nothing after.
        XCTAssertEqual(kept, Array(history.map(\.seq).prefix(kept.count)), "what it kept are the first events, in order")
        XCTAssertLessThanOrEqual(kept.count, 3 * highWaterMark + 10, "it holds at most its queues' worth, the rest was dropped")
        XCTAssertGreaterThan(missed, 0)
        XCTAssertLessThan(peak, 192 * 1024, "the daemon's peak RSS stays bounded")
        let text = try Reportctl(daemon: daemon, test: self).run(["status"])
        XCTAssertTrue(text.output.contains("1 subscriptions, \(feed.published) events published, 1 times a subscriber fell 50 events behind"),
                      text.output)
        XCTAssertEqual(daemon.stop(), 0)
    }

    @discardableResult
    private func awaitStatus(_ daemon: DaemonProcess, _ what: String, until condition: (StatusView) -> Bool) throws -> StatusView {
        let end = Date() + 30
        while true {
            let reply = try daemon.control().request(.init(command: .status))
            let status = try XCTUnwrap(reply.data, reply.error ?? "no status").decode(StatusView.self)
            if condition(status) { return status }
            guard Date() < end else { throw FixtureFailure(message: "\(what) did not happen: \(status.feed.map { "\($0)" } ?? "no feed")") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
