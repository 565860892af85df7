import Foundation
import ReportProtocol
import TestSupport
import XCTest

/// Plays the broker against Plugins/examples/python/summarizer_worker.py, so the example that
/// docs/PROTOCOL.md points plugin authors to is known to speak the protocol it documents.
final class PythonWorkerTests: XCTestCase {
    private struct Session {
        var broker: FakeBroker
        var worker: ChildProcess
        var identity: [UInt8]
        var hello: WorkerHello
    }

    func testServesSummarizerJobsAndFailsBadInputWithoutRetry() throws {
        let session = try startWelcomedWorker(heartbeatMs: 100, liveness: 300)
        XCTAssertEqual(session.hello.name, "example-python-summarizer")
        XCTAssertEqual(session.hello.services, ["summarizer"])
        XCTAssertEqual(session.hello.protocolVersion, WorkerProtocol.version)
        XCTAssertEqual(session.hello.pid, session.worker.pid)

        let sample = try Corpus.report("003")
        let document = sample.document
        let input = try WireJSON.encode(DocumentInput(reportId: sample.id, file: sample.file, document: document))
        try session.broker.send(.job(JobRequest(jobId: "job-1", service: ServiceName.summarizer, input: input)), to: session.identity)
        let summary = try summaryResult(of: "job-1", in: session)
        assertPlausible(summary, of: document)

        let garbage = try failure(of: JobRequest(jobId: "job-2", service: ServiceName.summarizer, input: Array("{not json".utf8)), in: session)
        XCTAssertFalse(garbage.retryable)
        XCTAssertTrue(garbage.reason.contains("JSON"), garbage.reason)

        let noParagraphs = try failure(of: JobRequest(jobId: "job-3", service: ServiceName.summarizer,
                                                      input: Array(#"{"report_id": "x", "file": "x.txt", "document": {}}"#.utf8)), in: session)
        XCTAssertFalse(noParagraphs.retryable)
        XCTAssertTrue(noParagraphs.reason.contains("paragraphs"), noParagraphs.reason)

        let wrongService = try failure(of: JobRequest(jobId: "job-4", service: ServiceName.parser, input: input), in: session)
        XCTAssertFalse(wrongService.retryable)
        XCTAssertTrue(wrongService.reason.contains(ServiceName.parser), wrongService.reason)

        // Idle now, the worker must keep beating: nothing but heartbeats may arrive.
        try session.broker.receiveHeartbeats(3)

        try session.broker.send(.bye, to: session.identity)
        XCTAssertEqual(session.worker.exitStatus(), 0, session.worker.errorOutput)
    }

    func testSigtermSendsByeAndExitsZero() throws {
        let session = try startWelcomedWorker(heartbeatMs: 100, liveness: 300)
        session.worker.signal(SIGTERM)
        let received = try session.broker.receiveSkippingHeartbeats(waitingFor: "BYE")
        XCTAssertEqual(received.message, .bye)
        XCTAssertEqual(received.identity, session.identity)
        XCTAssertEqual(session.worker.exitStatus(), 0, session.worker.errorOutput)
    }

    func testRefusedWorkerExitsWithFailureStatus() throws {
        let (broker, worker, ready) = try startWorker()
        try broker.send(.refused("reportd.worker/1 only: test refuses everyone"), to: ready.identity)
        XCTAssertEqual(worker.exitStatus(), 2, worker.errorOutput)
        XCTAssertTrue(worker.errorOutput.contains("test refuses everyone"), worker.errorOutput)
    }

    func testReconnectsWithANewReadyWhenTheBrokerFallsSilent() throws {
        // Liveness 2 at 100 ms: the worker gives the silent broker up after 0.2 s, then reconnects after 1 s.
        let session = try startWelcomedWorker(heartbeatMs: 100, liveness: 2)
        let again = try session.broker.receiveSkippingHeartbeats(waitingFor: "a second READY")
        guard case .ready(let hello) = again.message else { return XCTFail("expected READY, got \(again.message)") }
        XCTAssertEqual(hello.name, session.hello.name)
        XCTAssertNotEqual(again.identity, session.identity, "a reconnect opens a new socket, with a new routing id")
        try session.broker.send(.bye, to: again.identity)
        XCTAssertEqual(session.worker.exitStatus(), 0, session.worker.errorOutput)
    }

    func testMessagesOfAnotherProtocolVersionAreDroppedNotObeyed() throws {
        let session = try startWelcomedWorker(heartbeatMs: 100, liveness: 300)
        // A BYE in a version the worker does not speak must not stop it.
        try session.broker.send(frames: [Array("reportd.worker/2".utf8), Array("BYE".utf8)], to: session.identity)
        let sample = try Corpus.report("003")
        let input = try WireJSON.encode(DocumentInput(reportId: sample.id, file: sample.file, document: sample.document))
        try session.broker.send(.job(JobRequest(jobId: "after-v2", service: ServiceName.summarizer, input: input)), to: session.identity)
        XCTAssertFalse(try summaryResult(of: "after-v2", in: session).keywords.isEmpty)
        XCTAssertTrue(session.worker.errorOutput.contains("reportd.worker/2"), session.worker.errorOutput)
        try session.broker.send(.bye, to: session.identity)
        XCTAssertEqual(session.worker.exitStatus(), 0, session.worker.errorOutput)
    }

    // MARK: Helpers

    private func startWorker() throws -> (FakeBroker, ChildProcess, FakeBroker.Received) {
        guard let python = RepositoryPaths.python else {
            throw XCTSkip("no /usr/bin/python3 (Debian's python3 with python3-zmq); set REPORTD_TEST_PYTHON")
        }
        let directory = try RepositoryPaths.scratchDirectory(for: self)
        let broker = try FakeBroker(directory: directory)
        let script = RepositoryPaths.root.appendingPathComponent("Plugins/examples/python/summarizer_worker.py")
        let worker = try ChildProcess(python, [script.path], environment: ["REPORTD_BROKER": broker.endpoint],
                                      logDirectory: directory, test: self)
        let ready: FakeBroker.Received
        do { ready = try broker.receive(waitingFor: "READY") }
        catch { throw Failure("\(error); worker stderr:\n\(worker.errorOutput)") }
        return (broker, worker, ready)
    }

    private func startWelcomedWorker(heartbeatMs: Int, liveness: Int) throws -> Session {
        let (broker, worker, ready) = try startWorker()
        guard case .ready(let hello) = ready.message else { throw Failure("first message was \(ready.message), not READY") }
        try broker.send(.welcome(WorkerWelcome(heartbeatMs: heartbeatMs, liveness: liveness)), to: ready.identity)
        return Session(broker: broker, worker: worker, identity: ready.identity, hello: hello)
    }

    private func summaryResult(of jobId: String, in session: Session) throws -> SummaryResult {
        let received = try session.broker.receiveSkippingHeartbeats(waitingFor: "RESULT of \(jobId)")
        guard case .result(let id, let body) = received.message else {
            throw Failure("expected RESULT of \(jobId), got \(received.message); stderr:\n\(session.worker.errorOutput)")
        }
        XCTAssertEqual(id, jobId)
        return try WireJSON.decode(SummaryResult.self, from: body)
    }

    private func failure(of job: JobRequest, in session: Session) throws -> JobFailure {
        try session.broker.send(.job(job), to: session.identity)
        let received = try session.broker.receiveSkippingHeartbeats(waitingFor: "ERROR of \(job.jobId)")
        guard case .failure(let id, let failure) = received.message else {
            throw Failure("expected ERROR of \(job.jobId), got \(received.message)")
        }
        XCTAssertEqual(id, job.jobId)
        return failure
    }

    private func assertPlausible(_ summary: SummaryResult, of document: ParsedDocument, file: StaticString = #filePath, line: UInt = #line) {
        let text = document.paragraphs.joined(separator: "\n")
        XCTAssertFalse(summary.keywords.isEmpty, file: file, line: line)
        for keyword in summary.keywords {
            XCTAssertEqual(keyword.term.unicodeScalars.count, 2, "\(keyword.term) is not a bigram", file: file, line: line)
            XCTAssertTrue(text.contains(keyword.term), "\(keyword.term) is not in the report", file: file, line: line)
            XCTAssertTrue(keyword.weight > 0 && keyword.weight <= 1, "\(keyword.term): weight \(keyword.weight)", file: file, line: line)
        }
        XCTAssertEqual(summary.keywords.map(\.weight), summary.keywords.map(\.weight).sorted(by: >), "keywords are not best first",
                       file: file, line: line)
        XCTAssertFalse(summary.keywords.contains { $0.term.contains("的") }, "a stop character made it into the keywords",
                       file: file, line: line)

        XCTAssertFalse(summary.summary.isEmpty, file: file, line: line)
        let headings = Set(document.allSections.map { document.paragraphs[$0.paragraphIndex] })
        var previous = text.startIndex
        for sentence in summary.summary {
            XCTAssertTrue(sentence.hasSuffix("。"), sentence, file: file, line: line)
            XCTAssertFalse(headings.contains(sentence), "a heading is not a summary sentence: \(sentence)", file: file, line: line)
            // Verbatim and in document order.
            guard let found = text.range(of: sentence, range: previous..<text.endIndex) else {
                XCTFail("not in the report after the previous sentence: \(sentence)", file: file, line: line)
                continue
            }
            previous = found.upperBound
        }
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
