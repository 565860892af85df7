import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// `reportctl status` against a real reportd and its real plugins.
final class ReportctlStatusTests: XCTestCase {
    private let workerNames = ["report-parser", "report-indexer", "report-summarizer"]

    func testStatusShowsTheConnectedWorkersTheSupervisedPluginsAndTheDoneReport() throws {
        let sample = try SampleDaemon(test: self)
        // The embedded defaults run two parsers, one indexer, one searcher and two summarizers; one report
        // done needs only three of them, so wait for the others to have said READY as well.
        let status = try awaitWorkers(6, of: sample.daemon)

        let json = try sample.reportctl.run(["status", "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
        let printed = try WireJSON.decode(StatusView.self, from: Array(json.output.utf8))
        XCTAssertEqual(printed.counts.done, 1)
        XCTAssertEqual(printed.counts.accepted, 1)
        XCTAssertEqual(printed.counts.failed, 0)
        XCTAssertEqual(printed.workers.count, 6, "\(printed.workers)")
        XCTAssertEqual(Set(printed.workers.map(\.name)), Set(workerNames))
        XCTAssertEqual(printed.workers.filter { $0.name == "report-parser" }.count, 2)
        XCTAssertEqual(printed.workers.filter { $0.name == "report-summarizer" }.count, 2)
        // One report-indexer process writes the index, the other answers searches: as their manifests assign.
        XCTAssertEqual(printed.workers.filter { $0.name == "report-indexer" }.map(\.services).sorted { $0[0] < $1[0] },
                       [["indexer"], ["search"]])
        XCTAssertEqual(Set(printed.plugins.map(\.name)), ["parser", "indexer", "searcher", "summarizer"])
        XCTAssertEqual(printed.plugins.count, 6)
        XCTAssertTrue(printed.plugins.allSatisfy { $0.pid != nil && $0.state == "running" }, "\(printed.plugins)")
        XCTAssertEqual(printed.lastSeq, status.lastSeq, "nothing happened between the two asks")
        XCTAssertEqual(printed.lastSeq, 5, "one report, five events")

        let text = try sample.reportctl.run(["status"])
        XCTAssertEqual(text.status, 0, text.errorOutput)
        for expected in ["reportd \(printed.version), up ", "last seq 5",
                         "Reports: 1 accepted, 0 in progress, 1 done, 0 failed, 0 duplicates",
                         "Workers (6)", "Plugins (6)"] + workerNames {
            XCTAssertTrue(text.output.contains(expected), "missing \(expected) in\n\(text.output)")
        }
        for plugin in printed.plugins {
            let row = text.output.split(separator: "\n").first { $0.contains(" \(plugin.pid ?? -1) ") }
            XCTAssertNotNil(row, "no plugin row with pid \(plugin.pid ?? -1) in\n\(text.output)")
            XCTAssertTrue(row?.contains(plugin.name) ?? false, "the pid's row names \(plugin.name): \(row ?? "")")
        }
    }

    func testNoDaemonSocketIsNamedAtOnceAndExitsUnavailable() throws {
        let scratch = try RepositoryPaths.scratchDirectory(for: self)
        let missing = URL(fileURLWithPath: "/tmp/nonexistent-xyz")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path), "\(missing.path) must not exist for this test")
        let reportctl = try Reportctl(dataDirectory: missing, logDirectory: scratch, test: self)

        let run = try reportctl.run(["status", "--timeout", "30"])

        XCTAssertEqual(run.status, 69, "EX_UNAVAILABLE: \(run.errorOutput)")
        XCTAssertTrue(run.errorOutput.contains("no daemon listens at \(missing.path)/control.sock"), run.errorOutput)
        XCTAssertTrue(run.errorOutput.contains("is reportd running?"), run.errorOutput)
        XCTAssertEqual(run.output, "")
    }

    func testASocketNobodyAnswersGivesAClearErrorAndExitsUnavailable() throws {
        let scratch = try RepositoryPaths.scratchDirectory(for: self)
        // A control socket left behind by a daemon that is gone: the file exists, nobody listens.
        let dataDirectory = scratch.appendingPathComponent("stale-data")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dataDirectory.appendingPathComponent("control.sock").path, contents: Data())
        let reportctl = try Reportctl(dataDirectory: dataDirectory, logDirectory: scratch, test: self)

        let run = try reportctl.run(["status", "--timeout", "1"])

        XCTAssertEqual(run.status, 69, "EX_UNAVAILABLE: \(run.errorOutput)")
        XCTAssertTrue(run.errorOutput.contains("no reply from the daemon at ipc://\(dataDirectory.path)/control.sock within 1 s"),
                      run.errorOutput)
        XCTAssertEqual(run.output, "")
    }

    /// Asks the daemon itself until `count` workers are connected; the wait bounds a hang.
    private func awaitWorkers(_ count: Int, of daemon: DaemonProcess) throws -> StatusView {
        let end = Date() + 60
        while true {
            let reply = try daemon.control().request(.init(command: .status))
            let status = try XCTUnwrap(reply.data).decode(StatusView.self)
            if status.workers.filter({ $0.state != .dead }).count >= count || Date() > end { return status }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}
