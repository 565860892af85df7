import Foundation
import ReportProtocol
import XCTest

/// reportctl's one-shot commands against a fake daemon: what they ask, what they print, how they fail.
final class ReportctlCommandTests: XCTestCase {
    private var directory: URL!
    private var reportctl: Reportctl!

    override func setUpWithError() throws {
        directory = try TestPaths.scratchDirectory(for: self)
        reportctl = try Reportctl(dataDirectory: directory, test: self)
    }

    /// A daemon answering every request with `response(request)`, stopped (and checked) when the test ends.
    private func startDaemon(_ response: @escaping @Sendable (ControlRequest, [UInt8]) throws -> ControlResponse) throws -> FakeDaemon {
        let daemon = try FakeDaemon(dataDirectory: directory) { request, payload, _ in try response(request, payload) }
        addTeardownBlock { XCTAssertEqual(daemon.stop(), [], "the fake daemon's thread failed") }
        return daemon
    }

    func testStatusPrintsWorkersPluginsQueuesAndCounts() throws {
        let daemon = try startDaemon { _, _ in .success(try JSONValue(encoding: SampleViews.status)) }
        let run = try reportctl.run(["status"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(daemon.received, [ControlRequest(command: .status)])
        for expected in ["reportd 1.0.0, up 1h 02m 05s, last seq 85",
                         "17 accepted, 2 in progress, 14 done, 1 failed, 3 duplicates",
                         "Queues: parser 2, summarizer 0",
                         "report-parser", "job-41", "example-python-summarizer", "31337", "backoff"] {
            XCTAssertTrue(run.output.contains(expected), "missing \(expected) in\n\(run.output)")
        }
        let json = try reportctl.run(["status", "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
        XCTAssertEqual(try WireJSON.decode(StatusView.self, from: Array(json.output.utf8)), SampleViews.status)
    }

    func testGetSendsTheLowercasedPrefixAndPrintsEveryPartOfTheReport() throws {
        let daemon = try startDaemon { _, _ in .success(try JSONValue(encoding: SampleViews.report())) }
        let run = try reportctl.run(["get", "B0DF4AF2"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(daemon.received, [ControlRequest(command: .get, reportId: "b0df4af2")])
        for expected in [SampleViews.reportId, "done after 4 attempts", "延庆区", "review 2022, plan 2023",
                         "  一、2022年工作回顾  (¶1, 3 paragraphs)", "    （一）冬奥服务保障  (¶2, 2 paragraphs)", "actual", "213", "亿元", "+4%", "about",
                         "冬奥 (0.412)", "· 全年实现地区生产总值213亿元，增长4%。", "report.summarized",
                         "Index: 6 paragraphs, 61 characters"] {
            XCTAssertTrue(run.output.contains(expected), "missing \(expected) in\n\(run.output)")
        }
        let json = try reportctl.run(["get", "b0df4af2", "--json"])
        XCTAssertEqual(try WireJSON.decode(ReportView.self, from: Array(json.output.utf8)), SampleViews.report())
    }

    func testSearchPrintsOneBlockPerHitAndTheResponseAsJson() throws {
        let daemon = try startDaemon { request, _ in .success(try JSONValue(encoding: SampleViews.search(request.query ?? ""))) }
        let run = try reportctl.run(["search", "地区生产总值", "--limit", "5"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(daemon.received, [ControlRequest(command: .search, query: "地区生产总值", limit: 5)])
        for expected in ["1. 延庆区 2022 · 北京市延庆区2023年政府工作报告", "§ 一、2022年工作回顾", "【地区生产总值】213亿元",
                         "b0df4af220cc  000_b0df4af220cc3310.txt  score 7.31", "2. 密云区 · 002_71f5e4da6f442e07.txt",
                         "2 hits for 地区生产总值"] {
            XCTAssertTrue(run.output.contains(expected), "missing \(expected) in\n\(run.output)")
        }
        let json = try reportctl.run(["search", "地区生产总值", "--json"])
        XCTAssertEqual(try WireJSON.decode(SearchResponse.self, from: Array(json.output.utf8)), SampleViews.search("地区生产总值"))
    }

    func testSubmitSendsEachFileUnderItsBaseNameAndPrintsTheReportId() throws {
        let fixture = TestPaths.corpusFile("002_71f5e4da6f442e07.txt")
        let bytes = Array(try Data(contentsOf: fixture))
        let daemon = try startDaemon { request, payload in
            guard payload == bytes else { return .failure("payload of \(payload.count) bytes is not the file's \(bytes.count)") }
            return .success(try JSONValue(encoding: SubmitView(reportId: "id-of-\(payload.count)-bytes", file: request.file ?? "?",
                                                                path: "/inbox/\(request.file ?? "?")")))
        }
        let run = try reportctl.run(["submit", fixture.path])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(daemon.received, [ControlRequest(command: .submit, file: "002_71f5e4da6f442e07.txt")])
        XCTAssertEqual(run.output, "id-of-\(bytes.count)-bytes  002_71f5e4da6f442e07.txt  -> /inbox/002_71f5e4da6f442e07.txt\n")
    }

    func testSubmitGoesOnAfterAnUnreadableFileAndThenFails() throws {
        let fixture = TestPaths.corpusFile("003_844469fc1023d5d4.txt")
        let daemon = try startDaemon { request, payload in
            .success(try JSONValue(encoding: SubmitView(reportId: nil, file: request.file ?? "?", path: "/inbox/x")))
        }
        let run = try reportctl.run(["submit", directory.appendingPathComponent("missing.txt").path, fixture.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(daemon.received.map(\.file), ["003_844469fc1023d5d4.txt"])
        XCTAssertTrue(run.errorOutput.contains("missing.txt"), run.errorOutput)
        XCTAssertTrue(run.errorOutput.contains("1 of 2 files were not submitted"), run.errorOutput)
    }

    func testRetrySendsTheIdAndReportsTheNewState() throws {
        var requeued = SampleViews.report()
        requeued.state = "accepted"
        let view = requeued
        let daemon = try startDaemon { _, _ in .success(try JSONValue(encoding: view)) }
        let run = try reportctl.run(["retry", SampleViews.reportId])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(daemon.received, [ControlRequest(command: .retry, reportId: SampleViews.reportId)])
        XCTAssertTrue(run.output.contains("requeued \(SampleViews.reportId) (000_b0df4af220cc3310.txt), now accepted"), run.output)
    }

    func testARefusalPrintsTheDaemonsReasonAndExitsOne() throws {
        _ = try startDaemon { request, _ in .failure("no report id starts with \(request.reportId ?? "")") }
        let run = try reportctl.run(["get", "0123abcd"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errorOutput.contains("the daemon refused get: no report id starts with 0123abcd"), run.errorOutput)
    }

    func testAReplyOfTheWrongShapeIsNamedNotPrinted() throws {
        _ = try startDaemon { _, _ in .success(.object(["workers": .string("none")])) }
        let run = try reportctl.run(["status"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errorOutput.contains("does not follow the control protocol"), run.errorOutput)
        XCTAssertEqual(run.output, "")
    }

    func testNoDaemonGivesAClearErrorAndExitsOne() throws {
        let run = try reportctl.run(["status", "--timeout", "0.3"])
        XCTAssertEqual(run.status, 1)
        let endpoint = "ipc://" + directory.appendingPathComponent("control.sock").path
        XCTAssertTrue(run.errorOutput.contains("no reply from the daemon at \(endpoint) within 0.3 s: is reportd running?"),
                      run.errorOutput)
    }

    func testMalformedReportIdsAreRefusedBeforeAskingTheDaemon() throws {
        let daemon = try startDaemon { _, _ in .failure("must not be asked") }
        for id in ["b0df4af", "b0df4af2zz", String(repeating: "a", count: 65)] {
            let run = try reportctl.run(["get", id])
            XCTAssertEqual(run.status, 1, id)
            XCTAssertTrue(run.errorOutput.contains("is not a report id"), run.errorOutput)
        }
        XCTAssertEqual(daemon.received, [])
    }
}
