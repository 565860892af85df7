import Foundation
import ReportProtocol
import XCTest

/// Stopping the daemon in the middle of work, politely or not, loses nothing and repeats nothing.
final class RestartEndToEndTests: XCTestCase {
    func testSIGTERMDuringABurstExitsZeroAndTheNextStartFinishesEveryReportOnce() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let variants = try SampleVariants.make(40)
        for variant in variants { try daemon.dropByRename(variant.bytes, as: variant.name) }
        let feed = try FeedSubscriber(endpoint: daemon.feedEndpoint)
        try feed.collect(timeout: 30) { $0.contains { $0.topic == .done } }
        XCTAssertEqual(daemon.stop(), 0, "SIGTERM mid-burst exits 0; log:\n\(daemon.log)")

        try daemon.start()
        try assertEveryReportDoneExactlyOnce(variants.count, daemon: daemon)
        XCTAssertEqual(daemon.stop(), 0)
    }

    func testKillingTheDaemonMidBurstLosesNothingAndRepeatsNothing() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let variants = try SampleVariants.make(40)
        for variant in variants { try daemon.dropByRename(variant.bytes, as: variant.name) }
        let feed = try FeedSubscriber(endpoint: daemon.feedEndpoint)
        try feed.collect(timeout: 30) { events in events.filter { $0.topic == .done }.count >= 5 }
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        kill(pid, SIGKILL)
        daemon.process?.waitUntilExit()

        try daemon.start()
        try assertEveryReportDoneExactlyOnce(variants.count, daemon: daemon)
        XCTAssertEqual(daemon.stop(), 0)
    }

    /// Reads the whole history through `replay` until every report is done, then checks the files.
    private func assertEveryReportDoneExactlyOnce(_ count: Int, daemon: DaemonProcess,
                                                  file: StaticString = #filePath, line: UInt = #line) throws {
        var history: [FeedEnvelope] = []
        let end = Date() + 120
        repeat {
            Thread.sleep(forTimeInterval: 0.5)
            history = try daemon.history()
        } while Set(history.filter { $0.topic == .done }.map(\.reportId)).count < count && Date() < end

        let done = history.filter { $0.topic == .done }
        XCTAssertEqual(Set(done.map(\.reportId)).count, count, "every report is done; log:\n\(daemon.log)", file: file, line: line)
        XCTAssertEqual(done.count, count, "no report is done twice", file: file, line: line)
        XCTAssertEqual(history.filter { $0.topic == .accepted }.count, count, "no report is accepted twice", file: file, line: line)
        XCTAssertTrue(history.filter { $0.topic == .failed }.isEmpty, file: file, line: line)
        XCTAssertEqual(history.map(\.seq), history.map(\.seq).sorted(), file: file, line: line)
        XCTAssertEqual(daemon.files(in: "processed").count, count, "every input is in processed/", file: file, line: line)
        XCTAssertEqual(daemon.files(in: "work"), [], "nothing is left in the work area", file: file, line: line)
        let inbox = try FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path)
        XCTAssertEqual(inbox, [], "the inbox is empty", file: file, line: line)
    }
}
