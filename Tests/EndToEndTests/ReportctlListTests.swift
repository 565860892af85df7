import Foundation
import ReportProtocol
import XCTest

/// `reportctl list` against a real reportd holding a done report and a failed one.
final class ReportctlListTests: XCTestCase {
    func testListShowsNewestFirstFiltersAndCountsWhatItLeftOut() throws {
        let sample = try SampleDaemon(test: self)
        // A hostile name (a terminal escape and a bell) on an empty file, which fails as empty.
        let hostileName = "\u{1B}[31mred\u{07}.txt"
        let emptyId = ContentHash.of([])
        try sample.daemon.dropByRename([], as: hostileName)
        try sample.daemon.awaitReports([emptyId], reach: .failed)
        let reportctl = sample.reportctl

        let all = try reportctl.run(["list"])
        XCTAssertEqual(all.status, 0, all.errorOutput)
        let lines = all.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("RECEIVED (UTC)") ?? false, all.output)
        XCTAssertTrue(lines[1].contains(" failed ") && lines[1].contains(String(emptyId.prefix(12))),
                      "the newest report, the failed one, comes first:\n\(all.output)")
        XCTAssertTrue(lines[2].contains("↳ "), "a failed report's reason follows it:\n\(all.output)")
        XCTAssertTrue(lines[3].contains(" done ") && lines[3].contains("门头沟区 2023"), all.output)
        XCTAssertEqual(lines.last, "2 reports", all.output)
        XCTAssertFalse(all.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 },
                       "no terminal control character reaches the terminal")
        XCTAssertTrue(all.output.contains("\\u{1B}[31mred\\u{7}.txt"), "the name is shown with its controls escaped:\n\(all.output)")

        let failed = try reportctl.run(["list", "--failed", "--json"])
        XCTAssertEqual(failed.status, 0, failed.errorOutput)
        let failedList = try WireJSON.decode(ReportListView.self, from: Array(failed.output.utf8))
        XCTAssertEqual(failedList.total, 1)
        XCTAssertEqual(failedList.reports.map(\.reportId), [emptyId])
        XCTAssertEqual(failedList.reports.first?.file, hostileName, "JSON keeps the name as it is, escaped by the encoder")
        XCTAssertFalse(failedList.reports.first?.error?.isEmpty ?? true, "a failed report says why")

        let limited = try reportctl.run(["list", "--limit", "1"])
        XCTAssertEqual(limited.status, 0, limited.errorOutput)
        XCTAssertEqual(limited.output.split(separator: "\n").last, "1 of 2 reports, newest first (--limit for more)")

        let done = try WireJSON.decode(ReportListView.self, from: Array(try reportctl.run(["list", "--state", "done", "--json"]).output.utf8))
        XCTAssertEqual(done.reports.map(\.reportId), [sample.reportId])
        XCTAssertEqual(done.reports.first?.region, "门头沟区")
        XCTAssertEqual(done.reports.first?.planYear, 2023)

        let recent = try WireJSON.decode(ReportListView.self, from: Array(try reportctl.run(["list", "--since", "1h", "--json"]).output.utf8))
        XCTAssertEqual(recent.total, 2, "both arrived within the hour")
        let future = try reportctl.run(["list", "--since", "2999-01-01"])
        XCTAssertEqual(future.status, 0, future.errorOutput)
        XCTAssertEqual(future.output, "No report matches.\n")
    }

    func testAnUnknownStateIsAUsageErrorNamingTheStates() throws {
        let sample = try SampleDaemon(test: self)

        let run = try sample.reportctl.run(["list", "--state", "finished"])
        XCTAssertEqual(run.status, 64, "EX_USAGE: \(run.errorOutput)")
        XCTAssertTrue(run.errorOutput.contains("`finished` is not a report state; use one of accepted, parsed, done, failed"),
                      run.errorOutput)

        let badTime = try sample.reportctl.run(["list", "--since", "yesterday-ish"])
        XCTAssertEqual(badTime.status, 64, badTime.errorOutput)
        XCTAssertTrue(badTime.errorOutput.contains("give an age (30m, 2h, 7d)"), badTime.errorOutput)
    }
}
