import Foundation
import ReportProtocol
import XCTest

/// `reportctl submit` hands files to a real reportd, which processes them like dropped ones.
final class ReportctlSubmitTests: XCTestCase {
    func testASubmittedFileIsProcessedUnderTheIdSubmitPrinted() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let fixture = try RepositoryPaths.corpusFile("002")
        let expectedId = ContentHash.of(Array(try Data(contentsOf: fixture)))

        let run = try reportctl.run(["submit", fixture.path])

        XCTAssertEqual(run.status, 0, run.errorOutput)
        let fields = run.output.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        XCTAssertEqual(fields.first, expectedId, "submit prints the SHA-256 of the file:\n\(run.output)")
        XCTAssertEqual(fields.dropFirst().first, fixture.lastPathComponent, run.output)
        XCTAssertTrue(run.output.hasSuffix("-> \(daemon.inbox.appendingPathComponent(fixture.lastPathComponent).path)\n"),
                      "submit names where the daemon put the file:\n\(run.output)")
        let history = try daemon.awaitReports([expectedId])
        let events = history.filter { $0.reportId == expectedId }
        XCTAssertEqual(events.map(\.topic).first, .accepted)
        XCTAssertTrue(events.allSatisfy { $0.file == fixture.lastPathComponent }, "\(events.map(\.file))")
        XCTAssertEqual(daemon.files(in: "processed"), [fixture.lastPathComponent])
    }

    func testAMissingFileIsNamedAndTheOthersAreStillSubmitted() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let missing = daemon.root.appendingPathComponent("no-such-report.txt")
        let fixture = try RepositoryPaths.corpusFile("004")

        let run = try reportctl.run(["submit", missing.path, fixture.path])

        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.errorOutput.contains("cannot read \(missing.path)"), run.errorOutput)
        XCTAssertTrue(run.errorOutput.contains("1 of 2 files were not submitted"), run.errorOutput)
        let submittedId = ContentHash.of(Array(try Data(contentsOf: fixture)))
        XCTAssertTrue(run.output.hasPrefix(submittedId), "the readable file was submitted:\n\(run.output)")
        try daemon.awaitReports([submittedId])
        XCTAssertEqual(Set(try daemon.history().map(\.reportId)), [submittedId], "nothing was made of the missing file")
    }

    func testSubmitWaitReturnsWhenTheReportIsDoneAndPrintsItsHeadline() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let fixture = try RepositoryPaths.corpusFile("002")
        let expectedId = ContentHash.of(Array(try Data(contentsOf: fixture)))

        let run = try reportctl.run(["submit", "--wait", fixture.path])

        XCTAssertEqual(run.status, 0, run.errorOutput)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, run.output)
        XCTAssertTrue(lines[0].hasPrefix(expectedId), run.output)
        XCTAssertTrue(lines[1].hasPrefix("done  \(expectedId.prefix(12))  \(fixture.lastPathComponent)  密云区 2023"), run.output)
        XCTAssertTrue(lines[1].contains(" indicators, ") && lines[1].contains(" keywords, "), run.output)
        XCTAssertTrue(try daemon.history().contains { $0.reportId == expectedId && $0.topic == .done },
                      "--wait returned only once report.done was stored")

        // The same bytes again: a duplicate, answered at once from the stored report.
        let again = try reportctl.run(["submit", "--wait", "--json", fixture.path])
        XCTAssertEqual(again.status, 0, again.errorOutput)
        let outcome = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [[String: Any]]).first
        XCTAssertEqual(outcome?["report_id"] as? String, expectedId)
        XCTAssertEqual(outcome?["state"] as? String, "done")
        XCTAssertEqual((outcome?["event"] as? [String: Any])?["topic"] as? String, "report.done")
    }

    func testSubmitWaitExitsOneWhenTheReportFails() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let empty = daemon.root.appendingPathComponent("empty.txt")
        FileManager.default.createFile(atPath: empty.path, contents: Data())

        let run = try reportctl.run(["submit", "--wait", empty.path])

        XCTAssertEqual(run.status, 1, run.errorOutput)
        XCTAssertTrue(run.output.split(separator: "\n").last?.hasPrefix("failed  \(ContentHash.of([]).prefix(12))  empty.txt  ") ?? false,
                      run.output)
        XCTAssertTrue(run.errorOutput.contains("1 of 1 reports failed"), run.errorOutput)
    }

    func testANameTheWatcherIgnoresIsRefusedAndNothingIsWritten() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let draft = daemon.root.appendingPathComponent("draft.tmp")
        try Data(try Data(contentsOf: try RepositoryPaths.corpusFile("004"))).write(to: draft)

        let run = try reportctl.run(["submit", "--wait", "--wait-timeout", "5", draft.path])

        XCTAssertEqual(run.status, 1, "one of one files not submitted: \(run.errorOutput)")
        XCTAssertTrue(run.errorOutput.contains("matches the inbox's ignore pattern `*.tmp` (watcher.ignore)"), run.errorOutput)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path), [], "nothing was written")
    }
}
