import Foundation
import ReportProtocol
import XCTest

/// Workers that die, hang, freeze, crash on one report or cannot start, against the real daemon.
/// The parser is a single Python instance (Tests/Fixtures/plugins/fault_parser.py), so a worker
/// that is not replaced, or a plugin given up on by mistake, stops every report behind it.
final class WorkerFaultTests: XCTestCase {
    func testAWorkerKilledMidJobHasItsJobRetriedAtOnce() throws {
        // Liveness 60 × 1 s rules silence out: the job is requeued by the reap of the process (or, a
        // heartbeat later, by the send to it failing), and the reason names how the process ended.
        let faults = try FaultParserDaemon(jobs: "heartbeat_ms = 1000\nliveness = 60\nretry_backoff_ms = 100")
        try faults.daemon.start()
        let victim = try faults.drop(number: 0, marker: "FAULT:KILLME-ONCE")
        let others = try (1...3).map { try faults.drop(number: $0) }
        let pid = try faults.stuckPid(of: victim.reportId)
        XCTAssertEqual(kill(pid, SIGKILL), 0)

        let history = try faults.daemon.awaitHistory(within: 30, "every report done after the kill") { events in
            Set(([victim] + others).map(\.reportId)).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }
        XCTAssertEqual(history.filter { $0.topic == .done && $0.reportId == victim.reportId }.count, 1)
        XCTAssertTrue(history.filter { $0.topic == .failed }.isEmpty)
        XCTAssertTrue(faults.daemon.log.contains("its process ended (killed by signal 9"), faults.daemon.log)
        XCTAssertGreaterThanOrEqual(try faults.awaitParser("the parser restarted") { $0.first?.state == "running" }.first?.restarts ?? 0, 1)
        XCTAssertEqual(faults.daemon.stop(), 0)
    }

    func testAHungAndAFrozenWorkerAreTimedOutReplacedAndTheirJobsRetried() throws {
        let faults = try FaultParserDaemon(jobs: """
            heartbeat_ms = 300
            liveness = 5
            timeout_seconds = 6
            retry_backoff_ms = 100
            """)
        try faults.daemon.start()
        let hung = try faults.drop(number: 0, marker: "FAULT:HANG-ONCE")
        let hungPid = try faults.stuckPid(of: hung.reportId)
        let frozen = try faults.drop(number: 1, marker: "FAULT:FREEZE-ONCE")
        let frozenPid = try faults.stuckPid(of: frozen.reportId)
        let good = try faults.drop(number: 2)

        let history = try faults.daemon.awaitReports([hung.reportId, frozen.reportId, good.reportId])
        for id in [hung.reportId, frozen.reportId, good.reportId] {
            XCTAssertEqual(history.filter { $0.topic == .done && $0.reportId == id }.count, 1)
        }
        XCTAssertFalse(processIsAlive(hungPid), "the worker stuck on a job was killed")
        XCTAssertFalse(processIsAlive(frozenPid), "the worker that stopped heartbeating was killed")
        let log = faults.daemon.log
        XCTAssertTrue(log.contains("(pid \(hungPid)) timed out on a job; replacing it"), log)
        XCTAssertTrue(log.contains("(pid \(frozenPid)) went silent (no heartbeat for 1.5 s); replacing it"), log)
        let parser = try faults.awaitParser("the parser back up") { $0.first?.state == "running" }
        XCTAssertGreaterThanOrEqual(parser.first?.restarts ?? 0, 2)
        XCTAssertEqual(faults.daemon.stop(), 0)
    }

    func testAPoisonReportIsDeadLetteredAfterMaxAttemptsAndOthersKeepFlowing() throws {
        let faults = try FaultParserDaemon(jobs: "max_attempts = 3\nretry_backoff_ms = 100\nheartbeat_ms = 500")
        try faults.daemon.start()
        let poison = try faults.drop(number: 0, marker: "FAULT:CRASH-ALWAYS")
        let good = try (1...4).map { try faults.drop(number: $0) }

        var history = try faults.daemon.awaitHistory("the poison failed and the good reports done") { events in
            events.contains { $0.topic == .failed && $0.reportId == poison.reportId }
                && Set(good.map(\.reportId)).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }
        let failed = try XCTUnwrap(history.first { $0.topic == .failed && $0.reportId == poison.reportId })
        XCTAssertEqual(failed.data["attempts"], .number(3), "\(failed.data)")
        XCTAssertEqual(failed.data["stage"]?.stringValue, "parser")
        let reason = failed.data["reason"]?.stringValue ?? ""
        XCTAssertTrue(reason.hasPrefix("gave up after 3 attempts: worker fault-parser lost: its process ended (exit status 70"), reason)
        try awaitFiles(in: faults.daemon, shelf: "failed", [poison.file, poison.file + ".reason.txt"])

        let retry = try Reportctl(daemon: faults.daemon, test: self).run(["retry", poison.reportId])
        XCTAssertEqual(retry.status, 0, retry.errorOutput)
        // Three more crashes: six deaths of one parser, each after it came up, is no crash loop.
        let later = try (5...7).map { try faults.drop(number: $0) }
        history = try faults.daemon.awaitHistory("the retried poison failing again, later reports done") { events in
            events.filter { $0.topic == .failed && $0.reportId == poison.reportId }.count == 2
                && Set(later.map(\.reportId)).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }
        XCTAssertEqual(history.filter { $0.reportId == poison.reportId }.map(\.topic), [.accepted, .failed, .accepted, .failed])
        XCTAssertEqual(history.filter { $0.topic == .done }.count, good.count + later.count, "each good report done once")
        let parser = try faults.status().plugins.filter { $0.name == "fault-parser" }
        XCTAssertNotEqual(parser.first?.state, "failed", "a poison report must not get its plugin given up on: \(parser)")
        XCTAssertEqual(faults.daemon.stop(), 0)
    }

    func testAPluginThatDiesAtStartIsBackedOffThenMarkedFailedWithoutFloodingTheLog() throws {
        let faults = try FaultParserDaemon(jobs: "heartbeat_ms = 500", environment: ["FAULT_AT_START": "exit"])
        try faults.daemon.start()
        let failed = try faults.awaitParser("the parser marked failed") { $0.first?.state == "failed" }
        // Five quick deaths: the first start and four restarts, 0.5 + 1 + 2 + 4 s apart.
        XCTAssertEqual(failed.first?.restarts, 4, "\(failed)")
        XCTAssertNil(failed.first?.pid)
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(try faults.status().plugins.first { $0.name == "fault-parser" }?.restarts, 4, "no restart after giving up")

        let log = faults.daemon.log.split(separator: "\n")
        XCTAssertEqual(log.filter { $0.contains("told to die at start") }.count, 5, "each start printed its one line")
        // About the plugin the daemon logs its first start, its first death and the give-up; not every restart.
        let daemonLines = log.filter { $0.contains("plugin=fault-parser#1") }
        XCTAssertEqual(daemonLines.count, 3, daemonLines.joined(separator: "\n"))
        XCTAssertTrue(daemonLines.last?.contains("giving up until reload") ?? false, daemonLines.joined(separator: "\n"))
        XCTAssertEqual(faults.daemon.stop(), 0)
    }

    private func awaitFiles(in daemon: DaemonProcess, shelf: String, _ names: [String]) throws {
        let end = Date() + 30
        while !Set(names).isSubset(of: daemon.files(in: shelf)) {
            guard Date() < end else { return XCTFail("\(names) not all in \(shelf)/: \(daemon.files(in: shelf))") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
