import Foundation
import ReportClient
import ReportProtocol
import XCTest
@testable import reportctl

/// reportctl's decisions that need no daemon: what it prints safely, which times and data
/// directories it understands, which exit status each failure gets.
final class ReportctlHelperTests: XCTestCase {
    func testTerminalControlsAndBidiOverridesAreShownAsEscapes() {
        XCTAssertEqual(TerminalText.safe("\u{1B}]0;pwned\u{07}a.txt"), "\\u{1B}]0;pwned\\u{7}a.txt")
        XCTAssertEqual(TerminalText.safe("report-\u{202E}txt.exe"), "report-\\u{202E}txt.exe")
        XCTAssertEqual(TerminalText.safe("C1 \u{9B}31m"), "C1 \\u{9B}31m")
        XCTAssertEqual(TerminalText.safe("延庆区\t2023\n"), "延庆区\t2023\n", "tabs, newlines and Chinese text pass")
    }

    func testSinceTakesAgesDaysAndRFC3339Times() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertEqual(SinceTime.parse("90s", now: now), now - 90)
        XCTAssertEqual(SinceTime.parse("30m", now: now), now - 1800)
        XCTAssertEqual(SinceTime.parse("2h", now: now), now - 7200)
        XCTAssertEqual(SinceTime.parse("7d", now: now), now - 7 * 86_400)
        XCTAssertEqual(SinceTime.parse("2026-11-25", now: now).map(SinceTime.rfc3339), "2026-11-25T00:00:00.000Z")
        XCTAssertEqual(SinceTime.parse("2026-11-25T23:31:24+08:00", now: now).map(SinceTime.rfc3339), "2026-11-25T15:31:24.000Z")
        XCTAssertEqual(SinceTime.parse("2026-11-25T15:31:24.123Z", now: now).map(SinceTime.rfc3339), "2026-11-25T15:31:24.123Z")
        for nonsense in ["", "h", "-2h", "2y", "2026-13-01", "2026-02-30", "yesterday"] {
            XCTAssertNil(SinceTime.parse(nonsense, now: now), nonsense)
        }
    }

    func testTheDataDirectoryIsTheFlagThenTheEnvironmentThenWhicheverHasASocket() {
        let none: (String) -> Bool = { _ in false }
        let installed: (String) -> Bool = { $0 == "/var/lib/reportd/data/control.sock" }
        XCTAssertEqual(DataDirectoryChoice.resolve(flag: "/srv/d", environment: ["REPORTD_DATA_DIR": "/e"], socketExists: installed), "/srv/d")
        XCTAssertEqual(DataDirectoryChoice.resolve(flag: nil, environment: ["REPORTD_DATA_DIR": "/e"], socketExists: installed), "/e")
        XCTAssertEqual(DataDirectoryChoice.resolve(flag: nil, environment: [:], socketExists: installed), "/var/lib/reportd/data")
        XCTAssertEqual(DataDirectoryChoice.resolve(flag: nil, environment: [:], socketExists: none), "./var/data",
                       "with no daemon anywhere, the development path, so the error names it")
        let local: (String) -> Bool = { $0.hasSuffix("/var/data/control.sock") && !$0.hasPrefix("/var/lib") }
        XCTAssertEqual(DataDirectoryChoice.resolve(flag: nil, environment: [:], socketExists: local), "./var/data")
    }

    func testEachFailureKindHasItsOwnExitStatus() {
        func status(_ error: Error) -> Int32? { ExitStatus(for: error)?.rawValue }
        XCTAssertEqual(status(ControlClientError.noReply(endpoint: "ipc://x", seconds: 1, curve: false)), 69)
        XCTAssertEqual(status(CLIError.noDaemonSocket(path: "/x")), 69)
        XCTAssertEqual(status(ControlClientError.daemonRefused(command: "get", reason: "no report", code: .notFound)), 66)
        XCTAssertEqual(status(ControlClientError.daemonRefused(command: "retry", reason: "done", code: .refused)), 77)
        XCTAssertEqual(status(ControlClientError.daemonRefused(command: "list", reason: "bad state", code: .invalid)), 64)
        XCTAssertEqual(status(ControlClientError.daemonRefused(command: "get", reason: "disk", code: .internal)), 1)
        XCTAssertEqual(status(ControlClientError.daemonRefused(command: "get", reason: "old daemon", code: nil)), 1)
        XCTAssertEqual(status(ControlClientError.badReply(command: "get", detail: "x")), 65)
        XCTAssertEqual(status(CLIError.invalidReportId("xyz")), 64)
        XCTAssertEqual(status(CLIError.unreadableFile(path: "/x", reason: "gone")), 66)
        XCTAssertEqual(status(CLIError.waitTimedOut(seconds: 1, pending: ["a.txt"])), 75)
        XCTAssertEqual(status(ControlClientError.interrupted), 130)
        XCTAssertEqual(Set(ExitStatus.allCases.map(\.rawValue)).count, ExitStatus.allCases.count, "no two kinds share a status")
    }

    func testMetricsSamplesAreReadWithTheirLabelsForJSON() {
        let text = """
            # HELP reportd_jobs_total Jobs finished, by service and outcome.
            # TYPE reportd_jobs_total counter
            reportd_jobs_total{service="parser",outcome="done"} 5
            reportd_stage_seconds_bucket{stage="parse",le="+Inf"} 3
            reportd_failed_total{reason="a \\"quoted\\" reason, with a comma"} 1
            reportd_store_bytes 4096
            """
        XCTAssertEqual(MetricsText.samples(text), [
            .init(name: "reportd_jobs_total", labels: ["service": "parser", "outcome": "done"], value: "5"),
            .init(name: "reportd_stage_seconds_bucket", labels: ["stage": "parse", "le": "+Inf"], value: "3"),
            .init(name: "reportd_failed_total", labels: ["reason": "a \"quoted\" reason, with a comma"], value: "1"),
            .init(name: "reportd_store_bytes", labels: [:], value: "4096"),
        ])
    }
}
