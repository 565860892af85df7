import Foundation
import ReportProtocol
import XCTest
@testable import Daemon

/// The pipeline's decisions, one transition per test, without a socket, a clock or a disk: the
/// tests play the loop (assign workers, answer jobs) and the store (say what each write did).
final class PipelineMachineTests: XCTestCase {
    private let t0 = ContinuousClock.now
    private let parserWorker: [UInt8] = [1]
    private let indexerWorker: [UInt8] = [2]
    private let summarizerWorker: [UInt8] = [3]
    private let searchWorker: [UInt8] = [4]

    private func makeMachine(maxAttempts: Int = 3) -> PipelineMachine {
        PipelineMachine(policy: PipelinePolicy(maxAttempts: maxAttempts, retryBackoff: 1, maxFileBytes: 1000),
                        dispatcher: Dispatcher(jobTimeout: 60, runToken: "test"))
    }

    private func idle(_ workers: [(identity: [UInt8], service: String)], since: ContinuousClock.Instant? = nil) -> IdleWorkers {
        IdleWorkers(workers.map { .init(identity: $0.identity, services: [$0.service], idleSince: since ?? t0) })
    }

    private var everyWorker: IdleWorkers {
        idle([(parserWorker, ServiceName.parser), (indexerWorker, ServiceName.indexer), (summarizerWorker, ServiceName.summarizer),
              (searchWorker, ServiceName.search)])
    }

    /// Assigns queued work to every kind of worker and returns the jobs to send.
    private func dispatch(_ machine: inout PipelineMachine, at now: ContinuousClock.Instant) -> [RunningJob] {
        var workers = everyWorker
        return machine.dispatch(to: &workers, now: now).compactMap { effect in
            if case .send(let job) = effect { job } else { nil }
        }
    }

    private func job(_ jobs: [RunningJob], _ service: String) throws -> RunningJob {
        try XCTUnwrap(jobs.first { $0.item.service == service }, "no \(service) job among \(jobs.map(\.item.service))")
    }

    private func writes(_ effects: [PipelineEffect]) -> [StoreWrite] {
        effects.compactMap { if case .write(let write) = $0 { write } else { nil } }
    }

    private func event(_ topic: FeedTopic, seq: Int64 = 1) -> PublishedEvent {
        PublishedEvent(seq: seq, topic: topic, envelope: Array(#"{"topic":"\#(topic.rawValue)"}"#.utf8))
    }

    private let parsedBody = try! WireJSON.encode(ParsedDocument(title: "2024年政府工作报告", region: "延庆区", encoding: "utf-8",
                                                                 paragraphs: ["一、回顾", "全区地区生产总值增长5%。"], sections: [],
                                                                 indicators: [], parserVersion: "1"))
    private let indexBody = try! WireJSON.encode(IndexResult(paragraphs: 2, characters: 40, indexSchema: 3))
    private let summaryBody = try! WireJSON.encode(SummaryResult(keywords: [.init(term: "冬奥", weight: 0.5)], summary: ["一句。"],
                                                                 dictionary: "jieba"))

    /// A report accepted and parsed, its parse stored: the index and summarize jobs are running.
    private func parsedReport(_ machine: inout PipelineMachine, id: String = "r1") throws -> [RunningJob] {
        _ = machine.handle(.accepted(id: id, file: "\(id).txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let write = try XCTUnwrap(writes(machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: parsedBody, now: t0))).first)
        _ = machine.handle(.stored(write, [event(.parsed)], now: t0))
        return dispatch(&machine, at: t0)
    }

    // MARK: Transitions

    func testAnAcceptedReportGetsAParseJobAndNothingElse() throws {
        var machine = makeMachine()
        XCTAssertTrue(machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0)).isEmpty, "nothing to write or publish yet")
        let jobs = dispatch(&machine, at: t0)
        XCTAssertEqual(jobs.map(\.item.service), [ServiceName.parser])
        XCTAssertEqual(jobs.first?.worker, parserWorker)
        XCTAssertEqual(jobs.first?.deadline, t0 + 60)
        XCTAssertEqual(jobs.first?.item.reportId, "r1")
    }

    func testAParseResultIsWrittenAndOnlyOnceStoredStartsIndexAndSummarizeInParallel() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let effects = machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: parsedBody, now: t0))
        let write = try XCTUnwrap(writes(effects).first)
        guard case .parsed(let id, _, _, let headline, _, _) = write else { return XCTFail("expected the parsed write, got \(write)") }
        XCTAssertEqual(id, "r1")
        XCTAssertEqual(headline.title, "2024年政府工作报告")
        XCTAssertTrue(dispatch(&machine, at: t0).isEmpty, "no later stage before the document is stored")

        let stored = machine.handle(.stored(write, [event(.parsed)], now: t0))
        XCTAssertEqual(stored.count, 1)
        guard case .publish(let events) = stored.first else { return XCTFail("the stored parse is published: \(stored)") }
        XCTAssertEqual(events.map(\.topic), [.parsed])
        XCTAssertEqual(Set(dispatch(&machine, at: t0).map(\.item.service)), [ServiceName.indexer, ServiceName.summarizer])
    }

    func testAReportIsDoneWhenBothLaterResultsAreStoredAndIsShelvedBeforeDoneIsPublished() throws {
        var machine = makeMachine()
        let jobs = try parsedReport(&machine)
        let index = try job(jobs, ServiceName.indexer), summary = try job(jobs, ServiceName.summarizer)
        let indexWrite = try XCTUnwrap(writes(machine.handle(.result(jobId: index.jobId, worker: indexerWorker, body: indexBody, now: t0))).first)
        let summaryWrite = try XCTUnwrap(writes(machine.handle(.result(jobId: summary.jobId, worker: summarizerWorker, body: summaryBody,
                                                                       now: t0))).first)
        guard case .stage(let stage, _, _, _, .summary(let keywords)) = summaryWrite else { return XCTFail("\(summaryWrite)") }
        XCTAssertEqual(stage, .summarize)
        XCTAssertEqual(keywords, 1)

        let afterIndex = machine.handle(.stored(indexWrite, [event(.indexed)], now: t0))
        XCTAssertEqual(afterIndex.count, 1, "published, nothing shelved: \(afterIndex)")
        XCTAssertNotNil(machine.reports["r1"])
        let afterSummary = machine.handle(.stored(summaryWrite, [event(.summarized), event(.done, seq: 2)], now: t0))
        let shelveAt = afterSummary.firstIndex { if case .shelve(_, _, .done, nil) = $0 { true } else { false } }
        let publishAt = afterSummary.firstIndex { if case .publish = $0 { true } else { false } }
        XCTAssertNotNil(shelveAt)
        XCTAssertLessThan(try XCTUnwrap(shelveAt), try XCTUnwrap(publishAt), "whoever sees report.done finds the file in processed/")
        XCTAssertNil(machine.reports["r1"], "a done report is no longer tracked")
        XCTAssertTrue(dispatch(&machine, at: t0).isEmpty)
    }

    func testARetryableFailureIsRetriedWithADoublingBackoffUntilMaxAttemptsThenTheReportFails() throws {
        var machine = makeMachine(maxAttempts: 3)
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        var now = t0
        var waits: [TimeInterval] = []
        var counted: [Int] = []
        var last: [PipelineEffect] = []
        for attempt in 1...3 {
            let parse = try job(dispatch(&machine, at: now), ServiceName.parser)
            XCTAssertEqual(parse.item.attempt, attempt)
            last = machine.handle(.failure(jobId: parse.jobId, worker: parserWorker, JobFailure(reason: "busy", retryable: true), now: now))
            counted += writes(last).compactMap { if case .attempts(_, let count) = $0 { count } else { nil } }
            guard let due = machine.dispatcher.nextDeadline(controlPatience: 8) else { break }
            XCTAssertTrue(dispatch(&machine, at: due - 0.01).isEmpty, "not before its back-off ends")
            waits.append(due.seconds(since: now))
            now = due
        }
        XCTAssertEqual(waits, [1, 2], "the back-off doubles from jobs.retry_backoff_ms")
        XCTAssertEqual(counted, [1, 2, 3], "every try is written, so a restart does not reset the count")
        let failure = try XCTUnwrap(writes(last).last)
        guard case .failure(_, _, let stage, let reason, let attempts) = failure else { return XCTFail("\(failure)") }
        XCTAssertEqual(stage, ServiceName.parser)
        XCTAssertEqual(attempts, 3)
        XCTAssertEqual(reason, "gave up after 3 attempts: busy")
        let stored = machine.handle(.stored(failure, [event(.failed)], now: now))
        guard case .shelve(_, _, .failed, let why) = stored.first else { return XCTFail("the failed file is shelved first: \(stored)") }
        XCTAssertEqual(why, "parser: gave up after 3 attempts: busy")
    }

    func testAttemptsStartAgainForTheLaterStagesOnceTheParseIsStored() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        _ = machine.handle(.failure(jobId: parse.jobId, worker: parserWorker, JobFailure(reason: "busy", retryable: true), now: t0))
        XCTAssertEqual(machine.reports["r1"]?.attempts, 1)
        let again = try job(dispatch(&machine, at: t0 + 1), ServiceName.parser)
        let write = try XCTUnwrap(writes(machine.handle(.result(jobId: again.jobId, worker: parserWorker, body: parsedBody, now: t0 + 1))).first)
        _ = machine.handle(.stored(write, [event(.parsed)], now: t0 + 1))
        XCTAssertEqual(machine.reports["r1"]?.attempts, 0)
        let index = try job(dispatch(&machine, at: t0 + 1), ServiceName.indexer)
        let effects = machine.handle(.failure(jobId: index.jobId, worker: indexerWorker, JobFailure(reason: "busy", retryable: true), now: t0 + 1))
        guard case .attempts(_, 1) = try XCTUnwrap(writes(effects).first) else { return XCTFail("\(effects)") }
    }

    func testANonRetryableFailureFailsTheReportAtOnce() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let effects = machine.handle(.failure(jobId: parse.jobId, worker: parserWorker,
                                              JobFailure(reason: "not a report", retryable: false), now: t0))
        guard case .failure(_, _, _, "not a report", 1) = try XCTUnwrap(writes(effects).first) else { return XCTFail("\(effects)") }
        XCTAssertNil(machine.reports["r1"])
    }

    func testAResultThatIsNotAValidResultOfItsServiceFailsTheReport() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let effects = machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: Array(#"{"paragraphs": 3}"#.utf8), now: t0))
        guard case .failure(_, _, _, let reason, _) = try XCTUnwrap(writes(effects).first) else { return XCTFail("\(effects)") }
        XCTAssertTrue(reason.contains("not a valid ParsedDocument"), reason)
    }

    func testALateAnswerAfterATimeoutIsIgnoredAndTheStuckWorkerReplaced() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let timedOut = machine.handle(.tick(now: t0 + 61, controlPatience: 8))
        XCTAssertTrue(timedOut.contains { if case .replaceWorker(let worker) = $0 { worker == parserWorker } else { false } })
        XCTAssertTrue(timedOut.contains { if case .note(.retrying(_, "timed out after 60 s")) = $0 { true } else { false } })
        let late = machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: parsedBody, now: t0 + 62))
        XCTAssertTrue(writes(late).isEmpty, "a late answer writes nothing")
        guard case .note(.ignoredAnswer) = try XCTUnwrap(late.first) else { return XCTFail("\(late)") }
        XCTAssertEqual(try job(dispatch(&machine, at: t0 + 62), ServiceName.parser).item.attempt, 2, "the retry still runs")
    }

    func testADuplicateAnswerIsIgnored() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        XCTAssertEqual(writes(machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: parsedBody, now: t0))).count, 1)
        let again = machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: parsedBody, now: t0))
        XCTAssertTrue(writes(again).isEmpty)
    }

    func testAnAnswerFromAWorkerTheJobWasNotSentToIsIgnored() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        XCTAssertTrue(writes(machine.handle(.result(jobId: parse.jobId, worker: [9], body: parsedBody, now: t0))).isEmpty)
        XCTAssertEqual(machine.dispatcher.runningCount, 1, "the job still waits for its own worker")
    }

    func testAJobOfAWorkerThatIsGoneIsQueuedAgainForAnother() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        _ = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let effects = machine.handle(.workerLost(worker: parserWorker, reason: "worker parser lost: silent", now: t0))
        XCTAssertTrue(effects.contains { if case .note(.jobEnded(_, .lost, _)) = $0 { true } else { false } })
        XCTAssertEqual(machine.dispatcher.runningCount, 0)
        var other = idle([([7], ServiceName.parser)])
        let resent = machine.dispatch(to: &other, now: t0 + 1)
        guard case .send(let job) = try XCTUnwrap(resent.first) else { return XCTFail("\(resent)") }
        XCTAssertEqual(job.worker, [7])
        XCTAssertEqual(job.item.attempt, 2)
    }

    func testAResultTheStoreRefusesIsRetriedThenDeadLettered() throws {
        var machine = makeMachine(maxAttempts: 2)
        let jobs = try parsedReport(&machine)
        _ = try job(jobs, ServiceName.indexer)
        var summary = try job(jobs, ServiceName.summarizer)
        var now = t0
        var last: [PipelineEffect] = []
        for attempt in 1...2 {
            let write = try XCTUnwrap(writes(machine.handle(.result(jobId: summary.jobId, worker: summarizerWorker, body: summaryBody,
                                                                    now: now))).first)
            last = machine.handle(.refused(write, reason: "summaries refused by the test", now: now))
            if attempt == 2 { break }
            now = now + machine.policy.backoff(after: attempt)
            summary = try job(dispatch(&machine, at: now), ServiceName.summarizer)
        }
        guard case .failure(_, _, let stage, let reason, 2) = try XCTUnwrap(writes(last).last) else { return XCTFail("\(last)") }
        XCTAssertEqual(stage, ServiceName.summarizer)
        XCTAssertEqual(reason, "gave up after 2 attempts: the store refused the summarizer result: summaries refused by the test")
    }

    func testAFailedReportsOtherRunningJobIsIgnoredWhenItAnswers() throws {
        var machine = makeMachine()
        let jobs = try parsedReport(&machine)
        let index = try job(jobs, ServiceName.indexer), summary = try job(jobs, ServiceName.summarizer)
        _ = machine.handle(.failure(jobId: index.jobId, worker: indexerWorker, JobFailure(reason: "broken", retryable: false), now: t0))
        let answer = machine.handle(.result(jobId: summary.jobId, worker: summarizerWorker, body: summaryBody, now: t0))
        XCTAssertTrue(writes(answer).isEmpty)
        XCTAssertTrue(answer.contains { if case .note(.staleResult) = $0 { true } else { false } })
    }

    func testAStoredWriteTheStoreFoundLateIsNeitherPublishedNorAdvanced() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let write = try XCTUnwrap(writes(machine.handle(.result(jobId: parse.jobId, worker: parserWorker, body: parsedBody, now: t0))).first)
        XCTAssertTrue(machine.handle(.stored(write, [], now: t0)).isEmpty)
        XCTAssertTrue(dispatch(&machine, at: t0).isEmpty)
    }

    func testAnOversizedFileFailsAtIntakeWithoutAJob() throws {
        var machine = makeMachine()
        let effects = machine.handle(.accepted(id: "r1", file: "big.txt", size: 1001, now: t0))
        guard case .failure(_, _, "intake", let reason, 1) = try XCTUnwrap(writes(effects).first) else { return XCTFail("\(effects)") }
        XCTAssertEqual(reason, "1001 bytes is over the limit of 1000 (watcher.max_file_bytes)")
        XCTAssertTrue(dispatch(&machine, at: t0).isEmpty)
    }

    func testAJobWhoseInputCannotBeReadFailsTheReport() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        let effects = machine.handle(.inputUnreadable(jobId: parse.jobId, reason: "could not read the input: gone", now: t0))
        guard case .failure(_, _, ServiceName.parser, "could not read the input: gone", _) = try XCTUnwrap(writes(effects).first) else {
            return XCTFail("\(effects)")
        }
        XCTAssertTrue(effects.contains { if case .note(.reportFailed(_, _, _, _, _, .inputMissing)) = $0 { true } else { false } })
        XCTAssertEqual(machine.dispatcher.runningCount, 0)
    }

    func testAJobThatCouldNotBeSentGoesBackToTheFrontOfItsQueue() throws {
        var machine = makeMachine()
        _ = machine.handle(.accepted(id: "r1", file: "r1.txt", size: 10, now: t0))
        _ = machine.handle(.accepted(id: "r2", file: "r2.txt", size: 10, now: t0))
        let first = try job(dispatch(&machine, at: t0), ServiceName.parser)
        XCTAssertEqual(first.item.reportId, "r1")
        _ = machine.handle(.unsent(jobId: first.jobId))
        XCTAssertEqual(try job(dispatch(&machine, at: t0), ServiceName.parser).item.reportId, "r1")
    }

    // MARK: Recovery

    func testRecoveryAfterACrashQueuesWhatEachUnfinishedReportStillNeeds() throws {
        var machine = makeMachine()
        func record(_ id: String, _ state: ReportState, stored: Set<String>) -> ReportRecord {
            ReportRecord(id: id, file: "\(id).txt", size: 10, state: state, attempts: 0, error: nil, receivedAt: "t",
                         storedStages: stored, shelvedAs: nil)
        }
        let effects = machine.handle(.recovered([
            RecoveredReport(record: record("accepted", .accepted, stored: []), inputPresent: true),
            RecoveredReport(record: record("parsed", .parsed, stored: [ServiceName.parser]), inputPresent: true),
            RecoveredReport(record: record("indexed", .parsed, stored: [ServiceName.parser, ServiceName.indexer]), inputPresent: true),
            RecoveredReport(record: record("gone", .accepted, stored: []), inputPresent: false),
        ], now: t0))
        guard case .failure("gone", _, "intake", "the input file is gone from the work area", _) = try XCTUnwrap(writes(effects).first) else {
            return XCTFail("\(effects)")
        }
        var workers = IdleWorkers((0..<6).map { IdleWorkers.Worker(identity: [UInt8($0)], services: Stage.all.map(\.service), idleSince: t0) })
        let jobs = machine.dispatch(to: &workers, now: t0).compactMap { if case .send(let job) = $0 { job } else { nil } }
        let queued = Set(jobs.map { "\($0.item.reportId ?? "") \($0.item.service)" })
        XCTAssertEqual(queued, ["accepted parser", "parsed indexer", "parsed summarizer", "indexed summarizer"])
    }

    func testRecoveryCountsTheAttemptsTheStoreKept() throws {
        var machine = makeMachine(maxAttempts: 3)
        let record = ReportRecord(id: "r1", file: "r1.txt", size: 10, state: .accepted, attempts: 2, error: nil, receivedAt: "t",
                                  storedStages: [], shelvedAs: nil)
        _ = machine.handle(.recovered([RecoveredReport(record: record, inputPresent: true)], now: t0))
        let parse = try job(dispatch(&machine, at: t0), ServiceName.parser)
        XCTAssertEqual(parse.item.attempt, 3)
        let effects = machine.handle(.workerLost(worker: parserWorker, reason: "worker parser lost: exited", now: t0))
        guard case .failure(_, _, _, let reason, 3) = try XCTUnwrap(writes(effects).last) else { return XCTFail("\(effects)") }
        XCTAssertEqual(reason, "gave up after 3 attempts: worker parser lost: exited")
    }

    // MARK: Control requests

    func testASearchIsAnsweredToItsClientNotThroughTheReportPipeline() throws {
        var machine = makeMachine()
        _ = machine.handle(.requested(service: ServiceName.search, client: [42], input: Array("{}".utf8), now: t0))
        let search = try job(dispatch(&machine, at: t0), ServiceName.search)
        let effects = machine.handle(.result(jobId: search.jobId, worker: searchWorker, body: Array(#"{"hits":[]}"#.utf8), now: t0))
        XCTAssertTrue(writes(effects).isEmpty)
        guard case .reply([42], let response) = try XCTUnwrap(effects.last) else { return XCTFail("\(effects)") }
        XCTAssertEqual(response, .success(.object(["hits": .array([])])))
    }

    func testAControlRequestNoWorkerTakesIsRefusedAfterItsPatience() throws {
        var machine = makeMachine()
        _ = machine.handle(.requested(service: ServiceName.search, client: [42], input: Array("{}".utf8), now: t0))
        XCTAssertTrue(machine.handle(.tick(now: t0 + 7, controlPatience: 8)).isEmpty)
        let effects = machine.handle(.tick(now: t0 + 9, controlPatience: 8))
        guard case .reply([42], let response) = try XCTUnwrap(effects.first) else { return XCTFail("\(effects)") }
        XCTAssertEqual(response, .failure(.refused, "search failed: no search worker was free within 8 s"))
    }

    // MARK: The graph

    func testTheStageGraphStartsWithParseAndEndsWhenEveryStageIsIn() {
        XCTAssertEqual(Stage.first, [.parse])
        XCTAssertEqual(Set(Stage.ready(after: [ServiceName.parser])), [.index, .summarize])
        XCTAssertEqual(Stage.ready(after: [ServiceName.parser, ServiceName.indexer]), [.summarize])
        XCTAssertFalse(Stage.complete([ServiceName.parser, ServiceName.indexer]))
        XCTAssertTrue(Stage.complete([ServiceName.parser, ServiceName.indexer, ServiceName.summarizer]))
    }
}
