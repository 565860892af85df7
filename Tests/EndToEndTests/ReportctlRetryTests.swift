import Foundation
import ReportProtocol
import XCTest

/// `reportctl retry` requeues a failed report in a real reportd, and refuses anything else.
final class ReportctlRetryTests: XCTestCase {
    func testRetryRunsAFailedReportAgain() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let emptyId = ContentHash.of([])
        try daemon.dropByRename([], as: "empty.txt")
        try daemon.awaitReports([emptyId], reach: .failed)

        let run = try reportctl.run(["retry", emptyId])

        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertTrue(run.output.contains("requeued \(emptyId)"), run.output)
        // The empty file is as empty as before, so it fails again: once more, not twice more.
        let history = try daemon.awaitHistory("the retried report failing again") { events in
            events.filter { $0.reportId == emptyId && $0.topic == .failed }.count == 2
        }
        let events = history.filter { $0.reportId == emptyId }
        XCTAssertEqual(events.map(\.topic), [.accepted, .failed, .accepted, .failed])
        guard events.count == 4 else { return }
        XCTAssertEqual(events[2].data["retry"], .bool(true), "the second accepted says it is a retry: \(events[2].data)")
        XCTAssertTrue(events.allSatisfy { $0.file == "empty.txt" })
        XCTAssertTrue(events[3].data["reason"]?.stringValue?.contains("empty") ?? false, "\(events[3].data)")
        // The failure is stored before the file is shelved, so the file may still be on its way. The first
        // reason file stays as the record of the first failure, so the second copy takes a name beside it.
        let isReason = { (name: String) in name.hasSuffix(".reason.txt") }
        let end = Date() + 60
        while daemon.files(in: "failed").filter({ !isReason($0) }).isEmpty && Date() < end { Thread.sleep(forTimeInterval: 0.1) }
        let shelved = daemon.files(in: "failed")
        XCTAssertEqual(shelved.filter { !isReason($0) }.count, 1, "the file is back in failed/, once: \(shelved)")
        XCTAssertEqual(shelved.filter(isReason).count, 2, "each failure keeps its reason: \(shelved)")
    }

    func testRetryOfADoneReportIsRefused() throws {
        let sample = try SampleDaemon(test: self)

        let run = try sample.reportctl.run(["retry", String(sample.reportId.prefix(12))])

        XCTAssertEqual(run.status, 77, "EX_NOPERM: the daemon refused. \(run.output)")
        XCTAssertTrue(run.errorOutput.contains("report \(sample.reportId) is done; only failed reports can be retried"),
                      run.errorOutput)
        let topics = try sample.daemon.history().map(\.topic)
        XCTAssertEqual(topics.filter { $0 == .accepted }.count, 1, "nothing was requeued: \(topics)")
    }
}
