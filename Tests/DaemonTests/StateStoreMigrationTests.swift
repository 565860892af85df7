import Foundation
import GRDB
import ReportProtocol
import XCTest
@testable import Daemon

/// A store written by an older daemon opens, upgrades in place, and finishes what it held.
final class StateStoreMigrationTests: XCTestCase {
    private let id = String(repeating: "ef", count: 32)

    func testAReportParsedBeforeTheHeadlineColumnsIsDoneWithItsHeadline() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        // The store as the release before v5 left it: a parsed report with its summary in,
        // waiting for its index result.
        try makeOldStore(at: path, upTo: "v4 fingerprints table") { db in
            try db.execute(sql: """
                INSERT INTO reports(id, file, size, state, received_at, document, summary)
                VALUES (?, 'old.txt', 10, 'parsed', '2026-01-01T00:00:00.000Z', ?, ?)
                """, arguments: [id, Data(#"{"title":"报告","plan_year":2024,"indicators":[{},{},{}]}"#.utf8),
                                 Data(#"{"keywords":[{"term":"冬奥"}]}"#.utf8)])
            try db.execute(sql: "INSERT INTO events(topic, report_id, envelope) VALUES ('report.parsed', ?, x'7b7d')", arguments: [id])
        }
        let store = try StateStore(path: path)
        let events = try store.recordIndexed(id: id, file: "old.txt", result: Array("{}".utf8), time: "2026-01-01T00:00:01.000Z")
        XCTAssertEqual(events.map(\.topic), [.indexed, .done])
        XCTAssertEqual(events.map(\.seq), [2, 3], "sequence numbers go on from the old store's")
        let done = try FeedEnvelope.decode(frames: try XCTUnwrap(events.last).frames)
        XCTAssertEqual(done.data["title"]?.stringValue, "报告")
        XCTAssertEqual(done.data["region"], .null)
        XCTAssertEqual(done.data["plan_year"]?.intValue, 2024)
        XCTAssertEqual(done.data["indicators"]?.intValue, 3)
        XCTAssertEqual(done.data["keywords"]?.intValue, 1)
        XCTAssertEqual(done.data["elapsed_ms"]?.intValue, 1000)
        XCTAssertEqual(try store.events(since: 0, limit: 1).map(\.envelope), [Array("{}".utf8)],
                       "an envelope stored whole before v6 is replayed as it was")
    }
}
