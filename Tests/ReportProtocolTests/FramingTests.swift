import Foundation
import ReportProtocol
import XCTest

/// Every message of the three protocols survives its own framing, and broken framing is named for what it is.
final class FramingTests: XCTestCase {
    private let header = Array(WorkerProtocol.header.utf8)

    // MARK: Worker protocol

    func testEveryWorkerMessageRoundTrips() throws {
        let messages: [WorkerMessage] = [
            .ready(WorkerHello(name: "report-parser", version: "1.2.0", services: ["parser", "search"], pid: 4242)),
            .ready(WorkerHello(name: "no-pid", version: "0", services: ["summarizer"])),
            .heartbeat,
            .result(jobId: "job-7", body: Array(#"{"paragraphs":3}"#.utf8)),
            .result(jobId: "job-empty", body: []),
            .failure(jobId: "job-8", JobFailure(reason: "文件不是报告", retryable: false)),
            .failure(jobId: "job-9", JobFailure(reason: "busy", retryable: true)),
            .bye,
        ]
        for message in messages {
            let frames = try message.frames()
            XCTAssertEqual(frames.first, header, "\(message) does not start with the protocol frame")
            XCTAssertEqual(try WorkerMessage.decode(frames), message)
        }
    }

    func testEveryBrokerMessageRoundTrips() throws {
        let messages: [BrokerMessage] = [
            .welcome(WorkerWelcome(heartbeatMs: 1000, liveness: 3)),
            .job(JobRequest(jobId: "a1", service: ServiceName.parser, input: Array(#"{"file":"x.txt"}"#.utf8),
                            payload: [0xEF, 0xBB, 0xBF, 0x00, 0xFF])),
            .job(JobRequest(jobId: "a2", service: ServiceName.search, input: Array(#"{"query":"冬奥"}"#.utf8))),
            .heartbeat,
            .refused("reportd.worker/2, this side speaks reportd.worker/1"),
            .bye,
        ]
        for message in messages {
            let frames = try message.frames()
            XCTAssertEqual(frames.first, header, "\(message) does not start with the protocol frame")
            XCTAssertEqual(try BrokerMessage.decode(frames), message)
        }
    }

    func testFrameCountsMatchTheSpecification() throws {
        let workerCounts: [(WorkerMessage, Int)] = [
            (.ready(WorkerHello(name: "w", version: "1", services: ["parser"])), 3),
            (.heartbeat, 2),
            (.result(jobId: "j", body: []), 4),
            (.failure(jobId: "j", JobFailure(reason: "r", retryable: true)), 4),
            (.bye, 2),
        ]
        for (message, count) in workerCounts { XCTAssertEqual(try message.frames().count, count, "\(message)") }
        let brokerCounts: [(BrokerMessage, Int)] = [
            (.welcome(WorkerWelcome(heartbeatMs: 1, liveness: 1)), 3),
            (.job(JobRequest(jobId: "j", service: "s", input: [])), 6),
            (.heartbeat, 2),
            (.refused("r"), 3),
            (.bye, 2),
        ]
        for (message, count) in brokerCounts { XCTAssertEqual(try message.frames().count, count, "\(message)") }
    }

    func testAnotherProtocolVersionIsUnsupported() throws {
        let version2 = Array("reportd.worker/2".utf8)
        var ready = try WorkerMessage.ready(WorkerHello(name: "w", version: "1", services: ["parser"])).frames()
        ready[0] = version2
        assertError(.unsupportedVersion, try WorkerMessage.decode(ready))
        assertError(.unsupportedVersion, try BrokerMessage.decode([version2, Array("HEARTBEAT".utf8)]))
    }

    func testWrongFrameCountsAreMalformed() throws {
        let text = { (name: String) in Array(name.utf8) }
        let hello = try WireJSON.encode(WorkerHello(name: "w", version: "1", services: ["parser"]))
        let failure = try WireJSON.encode(JobFailure(reason: "r", retryable: false))
        let workerCases: [[[UInt8]]] = [
            [],
            [header],
            [header, text("READY")],
            [header, text("READY"), hello, []],
            [header, text("RESULT"), text("job")],
            [header, text("RESULT"), text("job"), [], []],
            [header, text("ERROR"), text("job")],
            [header, text("ERROR"), text("job"), failure, []],
        ]
        for frames in workerCases { assertError(.malformed, try WorkerMessage.decode(frames), "\(frames.count) frames") }
        let brokerCases: [[[UInt8]]] = [
            [header, text("WELCOME")],
            [header, text("JOB"), text("id"), text("parser"), []],
            [header, text("JOB"), text("id"), text("parser"), [], [], []],
            [header, text("REFUSED")],
        ]
        for frames in brokerCases { assertError(.malformed, try BrokerMessage.decode(frames), "\(frames.count) frames") }
    }

    func testForeignFirstFramesAndUnknownCommandsAreNamed() throws {
        assertError(.malformed, try WorkerMessage.decode([Array("MDPW01".utf8), Array("READY".utf8)]))
        assertError(.unknownCommand, try WorkerMessage.decode([header, Array("DANCE".utf8)]))
        assertError(.unknownCommand, try BrokerMessage.decode([header, Array("READY".utf8), []]))
    }

    // MARK: Control protocol

    func testControlRequestsCarryDelimiterHeaderJsonAndPayload() throws {
        let requests: [(ControlRequest, [UInt8])] = [
            (ControlRequest(command: .status), []),
            (ControlRequest(command: .get, reportId: "b0df4af2"), []),
            (ControlRequest(command: .search, query: "地区生产总值", limit: 5), []),
            (ControlRequest(command: .replay, limit: 1000, since: 42, topic: "report.done"), []),
            (ControlRequest(command: .submit, file: "报告.txt"), Array("正文".utf8)),
            (ControlRequest(command: .retry, reportId: String(repeating: "ab", count: 32)), []),
        ]
        for (request, payload) in requests {
            let frames = try request.frames(payload: payload)
            XCTAssertEqual(frames.count, 4)
            XCTAssertEqual(frames[0], [], "a DEALER request starts with the empty delimiter")
            XCTAssertEqual(frames[1], Array(ControlProtocol.header.utf8))
            XCTAssertEqual(try WireJSON.decode(ControlRequest.self, from: frames[2]), request)
            XCTAssertEqual(frames[3], payload)
        }
    }

    func testControlResponsesRoundTripWithOrWithoutDelimiter() throws {
        let status = StatusView(workers: [], plugins: [], queues: ["parser": 2],
                                counts: CountsView(accepted: 1, inProgress: 1, done: 0, failed: 0, duplicates: 0),
                                lastSeq: 1, uptimeSeconds: 2.5, version: "1.0.0")
        let responses: [ControlResponse] = [
            .success(try JSONValue(encoding: status)),
            .success(.object([:])),
            .failure(.notFound, "no report id starts with 0123abcd"),
        ]
        for response in responses {
            let frames = try response.frames()
            XCTAssertEqual(try ControlResponse.decode(frames), response)
            XCTAssertEqual(try ControlResponse.decode(Array(frames.dropFirst())), response, "as a REQ socket sees it")
        }
        XCTAssertEqual(try ControlResponse.decode(try responses[0].frames()).data?.decode(StatusView.self), status)
        // JSON null and a missing `data` are one and the same to a reader, as docs/PROTOCOL.md says of optional fields.
        XCTAssertNil(try ControlResponse.decode(try ControlResponse.success(.null).frames()).data)
    }

    func testBrokenControlRepliesAreNamed() throws {
        let body = try WireJSON.encode(ControlResponse.failure(.internal, "x"))
        assertError(.unsupportedVersion, try ControlResponse.decode([[], Array("reportd.control/2".utf8), body]))
        assertError(.malformed, try ControlResponse.decode([[], Array(ControlProtocol.header.utf8)]))
        assertError(.malformed, try ControlResponse.decode([[], Array(ControlProtocol.header.utf8), body, []]))
    }

    func testEveryControlViewRoundTripsThroughJSONValue() throws {
        let envelope = FeedEnvelope(seq: 7, topic: .indexed, reportId: String(repeating: "0f", count: 32), file: "a.txt",
                                    time: "2026-11-25T12:31:07.412Z",
                                    data: try JSONValue(encoding: IndexResult(paragraphs: 3, characters: 120, indexSchema: 1)))
        let status = StatusView(
            workers: [
                WorkerView(identity: "00b6d4a2f1", name: "report-parser", version: "1.0.0", services: ["parser"],
                           state: .busy, jobsDone: 12, currentJob: "job-3"),
                WorkerView(identity: "00b6d4a2f2", name: "report-indexer", version: "1.0.0", services: ["indexer", "search"],
                           state: .idle, jobsDone: 0),
            ],
            plugins: [
                PluginView(name: "report-parser", instance: 1, pid: 31337, state: "running", restarts: 0),
                PluginView(name: "example-python-summarizer", instance: 0, pid: nil, state: "backoff", restarts: 2),
            ],
            queues: ["parser": 0, "summarizer": 4],
            counts: CountsView(accepted: 5, inProgress: 1, done: 3, failed: 1, duplicates: 2),
            lastSeq: 23, uptimeSeconds: 3725.5, version: "1.0.0")
        XCTAssertEqual(try JSONValue(encoding: status).decode(StatusView.self), status)

        let report = ReportView(
            reportId: envelope.reportId, file: "a.txt", state: "failed", attempts: 3, error: "parser: not a report",
            receivedAt: "2026-11-25T12:31:05.120Z", document: sampleDocument(),
            index: IndexResult(paragraphs: 3, characters: 120, indexSchema: 1),
            summary: SummaryResult(keywords: [.init(term: "冬奥", weight: 0.4)], summary: ["一句话。"], dictionary: "d"),
            events: [envelope])
        XCTAssertEqual(try JSONValue(encoding: report).decode(ReportView.self), report)
        let unparsed = ReportView(reportId: envelope.reportId, file: "b.txt", state: "accepted", attempts: 0,
                                  receivedAt: "2026-11-25T12:31:05.120Z")
        XCTAssertEqual(try JSONValue(encoding: unparsed).decode(ReportView.self), unparsed)

        let replay = ReplayView(events: [envelope], lastSeq: 9)
        XCTAssertEqual(try JSONValue(encoding: replay).decode(ReplayView.self), replay)
        let submit = SubmitView(reportId: nil, file: "a (2).txt", path: "/var/lib/reportd/inbox/a (2).txt")
        XCTAssertEqual(try JSONValue(encoding: submit).decode(SubmitView.self), submit)
    }

    // MARK: Feed

    func testFeedEnvelopesRoundTripAsTopicAndJson() throws {
        for (offset, topic) in FeedTopic.allCases.enumerated() {
            let envelope = FeedEnvelope(seq: Int64(offset + 1), topic: topic, reportId: String(repeating: "a", count: 64),
                                        file: "报告.txt", time: Date(timeIntervalSince1970: 1_700_000_000).rfc3339,
                                        data: .object(["n": .number(1)]))
            let frames = try envelope.frames()
            XCTAssertEqual(frames.count, 2)
            XCTAssertEqual(String(decoding: frames[0], as: UTF8.self), topic.rawValue)
            XCTAssertEqual(try FeedEnvelope.decode(frames: frames), envelope)
        }
    }

    func testFeedRejectsOtherSchemasAndFrameCounts() throws {
        var envelope = FeedEnvelope(seq: 1, topic: .done, reportId: "r", file: "f", time: "t", data: .null)
        let frames = try envelope.frames()
        assertError(.malformed, try FeedEnvelope.decode(frames: [frames[1]]))
        assertError(.malformed, try FeedEnvelope.decode(frames: frames + [[]]))
        envelope.schema = 2
        assertError(.unsupportedVersion, try FeedEnvelope.decode(frames: try envelope.frames()))
    }

    // MARK: snake_case on the wire

    func testKeysAreSnakeCaseOnTheWire() throws {
        let document = sampleDocument()
        let counts = CountsView(accepted: 0, inProgress: 0, done: 0, failed: 0, duplicates: 0)
        assertKeys(of: DocumentInput(reportId: "r", file: "f", document: document), include: ["report_id", "file", "document"])
        assertKeys(of: document, include: ["review_year", "plan_year", "meeting_date", "parser_version"])
        assertKeys(of: document.indicators[0], include: ["growth_pct", "kind", "evidence"])
        assertKeys(of: document.sections[0], include: ["paragraph_index", "paragraph_count", "children"])
        assertKeys(of: WorkerHello(name: "w", version: "1", services: ["parser"], pid: 1), include: ["protocol_version", "pid"])
        assertKeys(of: WorkerWelcome(heartbeatMs: 1000, liveness: 3), include: ["heartbeat_ms", "liveness"])
        assertKeys(of: IndexResult(paragraphs: 1, characters: 2, indexSchema: 1), include: ["index_schema"])
        assertKeys(of: SearchHit(reportId: "r", file: "f", title: nil, region: nil, year: 2022, section: nil, snippet: "s", score: 1),
                   include: ["report_id", "snippet", "score", "year"])
        assertKeys(of: FeedEnvelope(seq: 1, topic: .done, reportId: "r", file: "f", time: "t", data: .null),
                   include: ["report_id", "schema", "seq", "topic", "time", "data"])
        assertKeys(of: ControlRequest(command: .replay, reportId: "r", limit: 1, since: 0), include: ["report_id", "since", "limit"])
        assertKeys(of: counts, include: ["in_progress"])
        assertKeys(of: WorkerView(identity: "i", name: "n", version: "v", services: [], state: .dead, jobsDone: 1, currentJob: "j"),
                   include: ["jobs_done", "current_job"])
        assertKeys(of: StatusView(workers: [], plugins: [], queues: [:], counts: counts, lastSeq: 0, uptimeSeconds: 0, version: "v"),
                   include: ["last_seq", "uptime_seconds"])
        assertKeys(of: ReportView(reportId: "r", file: "f", state: "done", attempts: 1, receivedAt: "t"),
                   include: ["report_id", "received_at"])
        assertKeys(of: ReplayView(events: [], lastSeq: 0), include: ["last_seq"])

        // The other way: plain snake_case JSON, as a plugin in another language writes it, decodes.
        let summary = #"{"keywords": [{"term": "冬奥", "weight": 1.0}], "summary": ["一句话。"], "dictionary": "none"}"#
        XCTAssertEqual(try WireJSON.decode(SummaryResult.self, from: Array(summary.utf8)).keywords.first?.term, "冬奥")
        let indicator = #"{"name": "地区生产总值", "kind": "target", "growth_pct": -5, "qualifier": "about", "evidence": "下降5%左右。"}"#
        XCTAssertEqual(try WireJSON.decode(Indicator.self, from: Array(indicator.utf8)).growthPct, -5)
    }

    // MARK: Helpers

    private func sampleDocument() -> ParsedDocument {
        ParsedDocument(
            title: "北京市延庆区2023年政府工作报告", region: "延庆区", reviewYear: 2022, planYear: 2023, speaker: "某某",
            meetingDate: "2023-01-05", encoding: "utf-8",
            paragraphs: ["一、2022年工作回顾", "全年实现地区生产总值213亿元，增长4%。"],
            sections: [Section(number: "一、", title: "2022年工作回顾", level: 1, paragraphIndex: 0, paragraphCount: 2)],
            indicators: [Indicator(name: "地区生产总值", kind: .actual, value: 213, unit: "亿元", growthPct: 4, year: 2022,
                                   section: "一、2022年工作回顾", evidence: "全年实现地区生产总值213亿元，增长4%。")],
            parserVersion: "test")
    }

    private func assertKeys<Value: Encodable>(of value: Value, include expected: Set<String>,
                                              file: StaticString = #filePath, line: UInt = #line) {
        do {
            let object = try JSONSerialization.jsonObject(with: Data(try WireJSON.encode(value))) as? [String: Any]
            let keys = Set(object?.keys.map { $0 } ?? [])
            XCTAssertTrue(expected.isSubset(of: keys),
                          "\(Value.self) has keys \(keys.sorted()), missing \(expected.subtracting(keys).sorted())",
                          file: file, line: line)
            XCTAssertTrue(keys.allSatisfy { $0 == $0.lowercased() }, "\(Value.self) has camelCase keys: \(keys.sorted())",
                          file: file, line: line)
        } catch {
            XCTFail("\(Value.self) does not encode: \(error)", file: file, line: line)
        }
    }

    private func assertError<T>(_ code: ProtocolError.Code, _ expression: @autoclosure () throws -> T, _ context: String = "",
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), context, file: file, line: line) { error in
            XCTAssertEqual((error as? ProtocolError)?.code, code, "\(context): \(error)", file: file, line: line)
        }
    }
}
