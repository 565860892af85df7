import Foundation
import GRDB
import Logging
import ReportProtocol
import XCTest
@testable import Daemon

/// The query thread on a real store: answers come back through the closure the loop gives it,
/// and a query past `[control] query_timeout_ms` is stopped with an error naming the key.
final class QueryServiceTests: XCTestCase {
    private final class Replies: @unchecked Sendable {
        private let lock = NSLock()
        private let arrived = DispatchSemaphore(value: 0)
        private var replies: [(client: [UInt8], response: ControlResponse)] = []

        /// As the control socket sends it: a response, or one encoded by the query thread.
        func add(_ client: [UInt8], _ reply: ControlReply) {
            let response: ControlResponse
            switch reply {
            case .response(let given): response = given
            case .encoded(let body): response = (try? WireJSON.decode(ControlResponse.self, from: body)) ?? .failure(.internal, "undecodable reply")
            }
            lock.withLock { replies.append((client, response)) }
            arrived.signal()
        }

        func next() -> (client: [UInt8], response: ControlResponse)? {
            guard arrived.wait(timeout: .now() + 120) == .success else { return nil }
            return lock.withLock { replies.removeFirst() }
        }
    }

    func testATrackOverTheWholeStorePastTheTimeLimitIsStoppedAndTheNextQueryIsAnswered() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        let store = try StateStore(path: path)
        let report = try FactsTablesTests.parsed(2015)
        _ = try FactsTablesTests.finish(report, in: store, at: "2015-03-05T00:00:00.000Z")
        // 3,000 more districts' facts, copies of the real report's rows: pairing all of them takes
        // far longer than 10 ms in any build.
        try store.database.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                INSERT INTO report_facts(report_id, received_at, region_name, region_level, review_year, plan_year, metadata_fields)
                SELECT 'd' || i, '2026-01-01T00:00:00.000Z', '区' || i, 'district', 2014, 2015, 5 FROM n;
                INSERT INTO indicator_facts(report_id, ordinal, name, key, kind, year, value, value_high, value_qualifier, unit,
                    growth_pct, growth_pct_high, qualifier, direction, estimated, not_stated, source, headline, paragraph,
                    char_start, char_end, evidence)
                SELECT r.report_id, f.ordinal, f.name, f.key, f.kind, f.year, f.value, f.value_high, f.value_qualifier, f.unit,
                    f.growth_pct, f.growth_pct_high, f.qualifier, f.direction, f.estimated, f.not_stated, f.source, f.headline,
                    f.paragraph, f.char_start, f.char_end, f.evidence
                FROM report_facts r JOIN indicator_facts f ON f.report_id = ? WHERE r.report_id LIKE 'd%';
                """, arguments: [report.id])
        }
        let replies = Replies()
        let service = try QueryService(storePath: path, timeoutMilliseconds: 10, logger: Logger(label: "test")) { client, reply in
            replies.add(client, reply)
        }
        service.start()
        defer { service.stop() }

        service.submit(ControlServer.Request(client: [1], body: ControlRequest(command: .track, indicator: "国内生产总值"), payload: []))
        let stopped = try XCTUnwrap(replies.next())
        XCTAssertEqual(stopped.client, [1])
        XCTAssertFalse(stopped.response.ok)
        XCTAssertEqual(stopped.response.errorCode, .refused)
        XCTAssertEqual(stopped.response.error?.contains("10 ms ([control] query_timeout_ms in reportd.toml)"), true,
                       stopped.response.error ?? "")

        service.submit(ControlServer.Request(client: [2], body: ControlRequest(command: .get, reportId: report.id, cite: true), payload: []))
        let answered = try XCTUnwrap(replies.next())
        XCTAssertEqual(answered.client, [2])
        XCTAssertTrue(answered.response.ok, answered.response.error ?? "")
        XCTAssertEqual(try answered.response.data?.decode(CiteView.self).figures.count, report.document.indicators.count)
    }
}
