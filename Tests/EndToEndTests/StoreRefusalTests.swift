import Foundation
import ReportProtocol
import XCTest

/// A worker result the store refuses every time counts as an attempt, so the report ends in the
/// dead-letter state after `jobs.max_attempts` instead of being retried for ever.
final class StoreRefusalTests: XCTestCase {
    func testAResultTheStoreRefusesIsDeadLetteredAfterMaxAttempts() throws {
        let daemon = try DaemonProcess(config: "[jobs]\nmax_attempts = 2\nretry_backoff_ms = 50\n")
        try daemon.start()
        XCTAssertEqual(daemon.stop(), 0)
        // A real SQLite refusal of every summary, the way a full disk or an oversized row refuses it.
        let sqlite = try ChildProcess(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("CREATE TRIGGER refuse_summaries BEFORE UPDATE OF summary ON reports "
                       "WHEN NEW.summary IS NOT NULL BEGIN SELECT RAISE(ABORT, 'summaries refused by the test'); END")
            db.commit()
            """, daemon.dataDir.appendingPathComponent("state.sqlite").path], logDirectory: daemon.root, test: self)
        XCTAssertEqual(sqlite.exitStatus(), 0, sqlite.errorOutput)
        try daemon.start()

        let (file, id) = try daemon.dropSample("000")
        let events = try daemon.awaitReports([id], reach: .failed)
        let failed = try XCTUnwrap(events.first { $0.topic == .failed && $0.reportId == id })
        XCTAssertEqual(failed.data["attempts"]?.intValue, 2)
        let reason = failed.data["reason"]?.stringValue ?? ""
        XCTAssertTrue(reason.contains("gave up after 2 attempts: the store refused the summarizer result"), reason)
        XCTAssertTrue(reason.contains("summaries refused by the test"), reason)
        XCTAssertEqual(daemon.files(in: "failed"), [file, file + ".reason.txt"])
        XCTAssertEqual(events.filter { $0.reportId == id && $0.topic == .summarized }, [], "nothing stored, nothing announced")
    }
}
