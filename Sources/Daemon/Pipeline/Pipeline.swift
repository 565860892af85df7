import Foundation
import Logging
import ReportProtocol

/// How hard the pipeline tries before it gives up on a report.
struct PipelinePolicy {
    var maxAttempts: Int
    var retryBackoff: TimeInterval
    var maxFileBytes: Int
}

/// The report's path through the stages: parse first, then index and summarize in parallel,
/// done when both are in. Every transition commits to the store before it is published.
final class Pipeline {
    let store: StateStore
    let dispatcher: Dispatcher
    let publisher: Publisher
    let workArea: WorkArea
    let layout: InboxLayout
    var policy: PipelinePolicy
    private let nearDuplicates: NearDuplicateFinder
    /// Enough for the reports between parse and done at full speed with a few workers each.
    private var recentDocuments = RecentDocuments(capacity: 64)
    let logger: Logger
    /// Counters of what happens here; DaemonLoop shares them with the publisher and /metrics.
    var metrics = DaemonMetrics()
    /// Answers a `reportctl` request whose work ran on a worker (search).
    var replyToClient: ([UInt8], ControlResponse) -> Void = { _, _ in }

    init(store: StateStore, dispatcher: Dispatcher, publisher: Publisher, workArea: WorkArea, layout: InboxLayout,
         policy: PipelinePolicy, logger: Logger) {
        self.store = store
        nearDuplicates = NearDuplicateFinder(store: store)
        self.dispatcher = dispatcher
        self.publisher = publisher
        self.workArea = workArea
        self.layout = layout
        self.policy = policy
        self.logger = logger
    }

    // MARK: Jobs

    /// Builds the wire job for a work item, reading its input only now so queued work costs no
    /// memory. Nil when the stage is no longer needed (the report ended or the stage is done).
    func jobRequest(for item: WorkItem, jobId: String) -> JobRequest? {
        switch item.origin {
        case .control(_, let input):
            return JobRequest(jobId: jobId, service: item.service, input: input)
        case .reindex(let id, let file):
            guard let record = try? store.report(id: id), record.state == .done,
                  let document = try? store.results(id: id).document else { return nil }
            return JobRequest(jobId: jobId, service: item.service,
                              input: DocumentInputEncoder.encode(reportId: id, file: file,
                                                                 document: document))
        case .report(let id, let file):
            let record: ReportRecord?
            do { record = try store.report(id: id) } catch {
                // Dropping the item here would leave the report waiting for a job nobody queues.
                logger.error("could not read report \(id.prefix(12)) to choose its next stage: \(error)")
                fail(id: id, file: file, stage: item.service, reason: "the store could not be read to choose the next stage: \(error)",
                     attempts: item.attempt)
                return nil
            }
            guard let record, record.needs(item.service) else { return nil }
            do {
                if item.service == ServiceName.parser {
                    return JobRequest(jobId: jobId, service: item.service,
                                      input: try WireJSON.encode(ParseInput(reportId: id, file: file)),
                                      payload: try workArea.contents(of: id, file: file, limit: policy.maxFileBytes))
                }
                guard let document = try recentDocuments[id] ?? store.results(id: id).document else {
                    fail(id: id, file: file, stage: item.service, reason: "no parsed document stored", cause: .inputMissing)
                    return nil
                }
                return JobRequest(jobId: jobId, service: item.service,
                                  input: DocumentInputEncoder.encode(reportId: id, file: file, document: document))
            } catch {
                fail(id: id, file: file, stage: item.service, reason: "could not read the input: \(error)", cause: .inputMissing)
                return nil
            }
        }
    }

    func handle(_ event: BrokerEvent) {
        switch event {
        case .joined(let worker):
            logger.info("worker \(worker.hello.name) \(worker.hello.version) joined for \(worker.hello.services.joined(separator: ", "))",
                        metadata: .report(nil, worker: worker.hello.name))
        case .result(let jobId, let worker, let body):
            guard let job = dispatcher.complete(jobId: jobId, from: worker.identity) else {
                logger.debug("ignored a late or foreign answer to \(jobId) from \(worker.hello.name)",
                             metadata: .report(nil, worker: worker.hello.name))
                return
            }
            metrics.jobEnded(job, outcome: .answered)
            complete(job.item, body: body)
        case .failure(let jobId, let worker, let failure):
            guard let job = dispatcher.complete(jobId: jobId, from: worker.identity) else { return }
            metrics.jobEnded(job, outcome: failure.retryable ? .failed : .refused)
            logger.debug("\(worker.hello.name) failed \(jobId): \(failure.reason)", metadata: .work(job.item, worker: worker.hello.name))
            setBack(job.item, failure: failure)
        case .lost(let worker, let reason):
            let held = dispatcher.jobs(heldBy: worker.identity)
            if held.isEmpty, case .saidGoodbye = reason { return }
            logger.warning("worker \(worker.hello.name) (pid \(worker.hello.pid.map(String.init) ?? "?")) lost: \(reason)",
                           metadata: .report(nil, worker: worker.hello.name))
            for job in held {
                metrics.jobEnded(job, outcome: .lost)
                setBack(job.item, failure: JobFailure(reason: "worker \(worker.hello.name) lost: \(reason)", retryable: true))
            }
        }
    }

    /// Jobs past their deadline are retried; their workers are returned so the caller can replace them.
    func expireLateJobs() -> [[UInt8]] {
        let timeout = Int(dispatcher.jobTimeout)
        return dispatcher.expired().map { job in
            metrics.jobEnded(job, outcome: .timedOut)
            setBack(job.item, failure: JobFailure(reason: "timed out after \(timeout) s", retryable: true))
            return job.worker
        }
    }

    /// Control requests that waited too long for a worker get an answer rather than silence.
    func answerStaleControlRequests(olderThan timeout: TimeInterval) {
        for item in dispatcher.staleControlRequests(olderThan: timeout) {
            // Only control requests have no stage, so only they are ever stale.
            guard case .control(let client, _) = item.origin else { continue }
            // Busy, not wrong: the client may ask again (reportctl exits 77, the web view says 503).
            replyToClient(client, .failure(.refused, "\(item.service) failed: no \(item.service) worker was free within \(Int(timeout)) s"))
        }
    }

    private func complete(_ item: WorkItem, body: [UInt8]) {
        switch item.origin {
        case .control(let client, _):
            let response = (try? WireJSON.decode(JSONValue.self, from: body)).map(ControlResponse.success)
                ?? .failure(.internal, "the \(item.service) worker returned malformed JSON")
            replyToClient(client, response)
        case .reindex(let id, let file):
            do {
                try ResultCheck.index(body, from: item.service)
                if let event = try store.recordReindexed(id: id, file: file, result: body, time: Timestamp.rfc3339()) {
                    publisher.publish(event)
                }
            } catch {
                logger.warning("re-indexing \(file.sanitizedForLog) failed: \(error)", metadata: .work(item))
            }
        case .report(let id, let file):
            do {
                try record(result: body, of: item.service, id: id, file: file)
            } catch let failure as JobFailure {
                fail(id: id, file: file, stage: item.service, reason: failure.reason, cause: .invalidResult)
            } catch {
                // Counted as an attempt: a result the store refuses every time (too large, a broken
                // database) must end in the dead-letter state, not be retried for ever.
                logger.error("the store refused the \(item.service) result of \(id.prefix(12)) (\(file.sanitizedForLog)): \(error)",
                             metadata: .work(item))
                setBack(item, failure: JobFailure(reason: "the store refused the \(item.service) result: \(error)", retryable: true))
            }
        }
    }

    private func record(result body: [UInt8], of service: String, id: String, file: String) throws {
        let time = Timestamp.rfc3339()
        var events: [PublishedEvent]
        switch service {
        case ServiceName.parser:
            let parsed = try ResultCheck.parsedDocument(body)
            let fingerprint = TextFingerprint(paragraphs: parsed.paragraphs)
            let nearDuplicate = try nearDuplicates.closest(to: fingerprint, excluding: id)
            events = try store.recordParsed(id: id, file: file, document: body, headline: parsed.headline,
                                            fingerprint: fingerprint, nearDuplicate: nearDuplicate, time: time)
            guard !events.isEmpty else { return }
            try nearDuplicates.remember(id: id, file: file, fingerprint: fingerprint)
            recentDocuments.keep(body, for: id)
            enqueue(.init(service: ServiceName.indexer, origin: .report(id: id, file: file)))
            enqueue(.init(service: ServiceName.summarizer, origin: .report(id: id, file: file)))
        case ServiceName.indexer:
            try ResultCheck.index(body, from: service)
            events = try store.recordIndexed(id: id, file: file, result: body, time: time)
        case ServiceName.summarizer:
            let keywords = try ResultCheck.summary(body)
            events = try store.recordSummary(id: id, file: file, result: body, keywords: keywords, time: time)
        default:
            return
        }
        // Committed, then shelved, then published: whoever sees report.done finds the file in processed/.
        if events.contains(where: { $0.topic == .done }) {
            recentDocuments.forget(id)
            shelve(id: id, file: file, state: .done, reason: nil)
            logger.debug("done \(file.sanitizedForLog)", metadata: .report(id, file: file))
        }
        events.forEach(publisher.publish)
    }

    private func setBack(_ item: WorkItem, failure: JobFailure) {
        switch item.origin {
        case .control(let client, _):
            // A search the worker will not retry is one it cannot run (nothing to search for); a
            // retryable failure (the worker lost, timed out, shutting down) is worth asking again.
            replyToClient(client, .failure(failure.retryable ? .refused : .invalid, "\(item.service) failed: \(failure.reason)"))
        case .reindex(_, let file):
            // A finished report stays done; its index entry is retried, then left for the next reindex.
            guard failure.retryable, item.attempt < policy.maxAttempts else {
                logger.warning("re-indexing \(file.sanitizedForLog) failed: \(failure.reason)", metadata: .work(item))
                return
            }
            metrics.retried(service: item.service)
            var again = item
            again.attempt += 1
            again.notBefore = Date() + min(60, policy.retryBackoff * pow(2, Double(item.attempt - 1)))
            enqueue(again)
        case .report(let id, let file):
            guard failure.retryable else {
                fail(id: id, file: file, stage: item.service, reason: failure.reason, cause: .rejectedByWorker)
                return
            }
            let attempts = (try? store.recordAttempt(id: id)) ?? item.attempt
            guard attempts < policy.maxAttempts else {
                fail(id: id, file: file, stage: item.service,
                     reason: "gave up after \(attempts) attempts: \(failure.reason)", attempts: attempts, cause: .gaveUp)
                return
            }
            var again = item
            again.attempt = attempts + 1
            again.notBefore = Date() + min(60, policy.retryBackoff * pow(2, Double(attempts - 1)))
            metrics.retried(service: item.service)
            logger.info("retrying \(item.service) of \(file.sanitizedForLog) (attempt \(again.attempt)): \(failure.reason)",
                        metadata: .work(again))
            enqueue(again)
        }
    }

    /// Ends a report still in the pipeline: recorded, its queued work dropped, its file shelved,
    /// then announced. A failure of a report that already ended changes nothing.
    func fail(id: String, file: String, stage: String, reason: String, attempts: Int? = nil, cause: FailureCause = .other) {
        do {
            guard let event = try store.recordFailure(id: id, file: file, stage: stage, reason: reason,
                                                      attempts: attempts ?? max(1, try store.report(id: id)?.attempts ?? 1),
                                                      time: Timestamp.rfc3339()) else { return }
            dispatcher.cancel(reportId: id)
            recentDocuments.forget(id)
            metrics.reportFailed(stage: stage, cause: cause)
            logger.warning("failed \(file.sanitizedForLog) at \(stage): \(reason)",
                           metadata: .report(id, file: file, stage: stage, attempt: attempts))
            shelve(id: id, file: file, state: .failed, reason: "\(stage): \(reason)")
            publisher.publish(event)
        } catch {
            logger.error("could not record the failure of \(id.prefix(12)): \(error)", metadata: .report(id, file: file, stage: stage))
        }
    }

    /// Moves a finished report's file out of the work area. A work file already linked onto its
    /// shelf before a crash (the move links, then unlinks) only needs the unlink, so the shelf
    /// does not get a second copy; one with other links elsewhere (an input hard-linked into the
    /// inbox) is shelved like any other.
    func shelve(id: String, file: String, state: ReportState, reason: String?) {
        let source = workArea.url(for: id)
        guard NoClobberMove.exists(source) else { return }
        do {
            if let shelved = layout.earlierShelf(of: source, name: file, failed: state == .failed) {
                try FileManager.default.removeItem(at: source)
                if state == .failed { try store.recordShelf(id: id, name: shelved.lastPathComponent) }
            } else if state == .failed {
                let shelved = try layout.moveToFailed(source, name: file, reason: "\(reason ?? "failed") (report \(id))")
                try store.recordShelf(id: id, name: shelved.lastPathComponent)
            } else {
                try layout.moveToProcessed(source, name: file)
            }
        } catch {
            logger.error("could not move \(file.sanitizedForLog) out of the work area: \(error)", metadata: .report(id, file: file))
        }
    }
}
