import ReportProtocol
import WebPages
import XCTest

final class InboxModelTests: XCTestCase {
    private func event(_ seq: Int64, _ topic: FeedTopic, _ id: String, data: JSONValue = .null) -> FeedEnvelope {
        FeedEnvelope(seq: seq, topic: topic, reportId: id, file: "\(id).txt", time: "2026-12-06T00:00:\(String(format: "%02d", seq)).000Z", data: data)
    }

    func testStepsTickInWhateverOrderTheTopicsWereFetched() {
        let events = [
            event(5, .done, "a", data: .object(["title": .string("延庆区政府工作报告"), "region": .string("延庆区")])),
            event(1, .accepted, "a"), event(3, .summarized, "a"), event(4, .indexed, "a"),
            event(2, .accepted, "b"),
        ]
        let rows = InboxModel.rows(from: events, limit: 10)
        XCTAssertEqual(rows.map(\.reportId), ["b", "a"], "newest acceptance first")
        XCTAssertEqual(rows[1].state, "done")
        XCTAssertEqual(rows[1].reached, Set(InboxRow.Step.allCases))
        XCTAssertEqual(rows[1].title, "延庆区政府工作报告")
        XCTAssertEqual(rows[0].state, "accepted")
    }

    func testIndexingImpliesParsingAndAFailureKeepsItsReason() {
        let rows = InboxModel.rows(from: [
            event(1, .accepted, "a"), event(2, .indexed, "a"),
            event(3, .failed, "a", data: .object(["stage": .string("summarizer"), "reason": .string("worker died")])),
        ], limit: 10)
        XCTAssertEqual(rows[0].reached, [.accepted, .parsed, .indexed])
        XCTAssertEqual(rows[0].state, "failed")
        XCTAssertEqual(rows[0].failure?.reason, "worker died")
    }

    func testARetryStartsTheStepsAgainAndEventsBeforeTheWindowAreLeftOut() {
        let rows = InboxModel.rows(from: [
            event(1, .accepted, "a"), event(2, .failed, "a", data: .object(["stage": .string("parser"), "reason": .string("x")])),
            event(3, .accepted, "a"), event(4, .indexed, "z"),
        ], limit: 10)
        XCTAssertEqual(rows.map(\.reportId), ["a"])
        XCTAssertEqual(rows[0].state, "accepted")
        XCTAssertNil(rows[0].failure)
    }

    func testTheLiveInboxResendsOnlyRowsThatChangedAndIgnoresReplays() {
        var live = LiveInbox(events: [event(1, .accepted, "a"), event(2, .indexed, "a")])
        XCTAssertEqual(live.rows(after: 1).map(\.reportId), ["a"])
        XCTAssertEqual(live.rows(after: 2).count, 0)
        XCTAssertNil(live.apply(event(2, .indexed, "a")), "an event already folded in changes nothing")
        XCTAssertEqual(live.apply(event(3, .summarized, "a"))?.reached, [.accepted, .parsed, .indexed, .summarized])
        XCTAssertEqual(live.apply(event(4, .accepted, "b"))?.state, "accepted")
        XCTAssertNil(live.apply(event(5, .indexed, "unknown")))
    }

    func testARowCarriesTheIdAndStageTheLiveScriptLooksFor() {
        let row = InboxModel.rows(from: [event(1, .accepted, "ab12"), event(2, .done, "ab12")], limit: 1)[0]
        let html = InboxPage.row(row)
        XCTAssertTrue(html.hasPrefix("<tr id=\"r-ab12\" data-stage=\"done\">"), html)
        XCTAssertFalse(html.contains("\n"), "a row must fit one SSE data line")
    }
}
