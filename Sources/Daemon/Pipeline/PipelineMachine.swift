import Foundation
import ReportProtocol

/// The pipeline's decisions, with no I/O: events in (a report accepted, a worker's answer or
/// failure, a timeout, a lost worker, what the store did with a write), effects out (write these
/// rows, send this job, shelve this file, publish these envelopes, answer this client). No socket,
/// no clock (every event carries its time), no disk: `Pipeline` performs the effects and feeds the
/// store's outcomes back, and the tests drive it alone (Tests/DaemonTests/PipelineMachineTests.swift).
///
/// It tracks each report between acceptance and its end (`ReportProgress`): which stages are in,
/// which are being written, how many tries the current stage took. The store's SQL conditions
/// still refuse a late or repeated write, and the core only advances on what the store says it did.
struct PipelineMachine {
    var policy: PipelinePolicy
    private(set) var dispatcher: Dispatcher
    private(set) var reports: [String: ReportProgress] = [:]

    init(policy: PipelinePolicy, dispatcher: Dispatcher) {
        self.policy = policy
        self.dispatcher = dispatcher
    }

    var jobTimeout: TimeInterval {
        get { dispatcher.jobTimeout }
        set { dispatcher.jobTimeout = newValue }
    }

    mutating func handle(_ event: PipelineEvent) -> [PipelineEffect] {
        switch event {
        case .accepted(let id, let file, let size, let now):
            reports[id] = ReportProgress(file: file)
            guard size <= policy.maxFileBytes else {
                return fail(id, stage: "intake", reason: "\(size) bytes is over the limit of \(policy.maxFileBytes) (watcher.max_file_bytes)",
                            cause: .tooLarge)
            }
            enqueueReadyStages(of: id, now: now)
            return []
        case .recovered(let unfinished, let now):
            return unfinished.flatMap { recovered in
                let record = recovered.record
                reports[record.id] = ReportProgress(file: record.file, stored: record.storedStages, attempts: record.attempts)
                guard recovered.inputPresent else {
                    return fail(record.id, stage: "intake", reason: "the input file is gone from the work area", cause: .inputMissing)
                }
                enqueueReadyStages(of: record.id, now: now)
                return []
            }
        case .result(let jobId, let worker, let body, let now):
            guard let job = dispatcher.complete(jobId: jobId, from: worker) else { return [.note(.ignoredAnswer(jobId: jobId))] }
            return [.note(.jobEnded(job, .answered, now: now))] + complete(job.item, body: body)
        case .failure(let jobId, let worker, let failure, let now):
            guard let job = dispatcher.complete(jobId: jobId, from: worker) else { return [.note(.ignoredAnswer(jobId: jobId))] }
            return [.note(.jobEnded(job, failure.retryable ? .failed : .refused, now: now)),
                    .note(.workerFailedJob(job.item, reason: failure.reason))]
                + setBack(job.item, failure: failure, now: now)
        case .workerLost(let worker, let reason, let now):
            return dispatcher.jobs(heldBy: worker).flatMap { job in
                [.note(.jobEnded(job, .lost, now: now))]
                    + setBack(job.item, failure: JobFailure(reason: reason, retryable: true), now: now)
            }
        case .tick(let now, let patience):
            let timeout = Int(dispatcher.jobTimeout)
            let late = dispatcher.expired(now: now).flatMap { job in
                [.note(.jobEnded(job, .timedOut, now: now))]
                    + setBack(job.item, failure: JobFailure(reason: "timed out after \(timeout) s", retryable: true), now: now)
                    + [.replaceWorker(job.worker)]
            }
            let unanswered = dispatcher.staleControlRequests(olderThan: patience, now: now).compactMap { item -> PipelineEffect? in
                // Only control requests have no stage, so only they are ever stale.
                guard case .control(let client, _) = item.origin else { return nil }
                // Busy, not wrong: the client may ask again (reportctl exits 77, the web view says 503).
                return .reply(client: client, .failure(.refused, "\(item.service) failed: no \(item.service) worker was free within \(Int(patience)) s"))
            }
            return late + unanswered
        case .unsent(let jobId):
            dispatcher.unsent(jobId: jobId)
            return []
        case .inputUnreadable(let jobId, let reason, _):
            guard let job = dispatcher.abandon(jobId: jobId) else { return [] }
            switch job.item.origin {
            case .report(let id, _):
                return fail(id, stage: job.item.service, reason: reason, cause: .inputMissing)
            case .reindex(_, let file):
                return [.note(.reindexAbandoned(file: file, reason: reason))]
            case .control(let client, _):
                return [.reply(client: client, .failure(.internal, "\(job.item.service) failed: \(reason)"))]
            }
        case .stored(let write, let events, let now):
            return stored(write, events: events, now: now)
        case .refused(let write, let reason, let now):
            return [.note(.storeRefused(write, reason: reason))] + refused(write, reason: reason, now: now)
        case .requested(let service, let client, let input, let now):
            dispatcher.enqueue(WorkItem(service: service, origin: .control(client: client, input: input), queuedAt: now), now: now)
            return []
        case .reindexRequested(let id, let file, let now):
            dispatcher.enqueue(WorkItem(service: Stage.index.service, origin: .reindex(id: id, file: file), queuedAt: now), now: now)
            return []
        }
    }

    /// Assigns queued work to the idle workers; the loop sends each job.
    mutating func dispatch(to idle: inout IdleWorkers, now: ContinuousClock.Instant) -> [PipelineEffect] {
        dispatcher.assign(to: &idle, now: now).map(PipelineEffect.send)
    }

    // MARK: Answers

    private mutating func complete(_ item: WorkItem, body: [UInt8]) -> [PipelineEffect] {
        switch item.origin {
        case .control(let client, _):
            let response = (try? WireJSON.decode(JSONValue.self, from: body)).map(ControlResponse.success)
                ?? .failure(.internal, "the \(item.service) worker returned malformed JSON")
            return [.reply(client: client, response)]
        case .reindex(let id, let file):
            do {
                try ResultCheck.index(body, from: item.service)
                return [.write(.reindexed(id: id, file: file, result: body))]
            } catch {
                return [.note(.reindexAbandoned(file: file, reason: "\(error)"))]
            }
        case .report(let id, let file):
            guard let stage = Stage.served(by: item.service), var progress = reports[id],
                  !progress.stored.contains(stage.service), !progress.storing.contains(stage.service),
                  Set(stage.needs).isSubset(of: progress.stored) else { return [.note(.staleResult(item))] }
            let output: StageOutput
            do { output = try stage.check(body) } catch {
                let reason = (error as? JobFailure)?.reason ?? "\(error)"
                return fail(id, stage: stage.service, reason: reason, cause: .invalidResult)
            }
            progress.storing.insert(stage.service)
            reports[id] = progress
            if case .document(let paragraphs, let headline, let facts) = output {
                return [.write(.parsed(id: id, file: file, document: body, headline: headline,
                                       fingerprint: TextFingerprint(paragraphs: paragraphs), facts: facts))]
            }
            return [.write(.stage(stage, id: id, file: file, result: body, output: output))]
        }
    }

    // MARK: Store outcomes

    private mutating func stored(_ write: StoreWrite, events: [PublishedEvent], now: ContinuousClock.Instant) -> [PipelineEffect] {
        switch write {
        case .parsed(let id, _, _, _, _, _), .stage(_, let id, _, _, _):
            let service = if case .stage(let stage, _, _, _, _) = write { stage.service } else { Stage.parse.service }
            reports[id]?.storing.remove(service)
            // Nothing stored: the report ended meanwhile, or the stage was already in.
            guard !events.isEmpty else { return [] }
            guard var progress = reports[id] else { return [.publish(events)] }
            progress.stored.insert(service)
            if case .parsed = write { progress.attempts = 0 }
            if events.contains(where: { $0.topic == .done }) {
                reports[id] = nil
                // Committed, then shelved, then published: whoever sees report.done finds the file in processed/.
                return [.note(.done(id: id, file: progress.file)), .shelve(id: id, file: progress.file, state: .done, reason: nil),
                        .publish(events)]
            }
            reports[id] = progress
            enqueueReadyStages(of: id, now: now)
            return [.publish(events)]
        case .failure(let id, let file, let stage, let reason, _):
            guard !events.isEmpty else { return [] }
            return [.shelve(id: id, file: file, state: .failed, reason: "\(stage): \(reason)"), .publish(events)]
        case .reindexed:
            return events.isEmpty ? [] : [.publish(events)]
        case .attempts:
            return []
        }
    }

    private mutating func refused(_ write: StoreWrite, reason: String, now: ContinuousClock.Instant) -> [PipelineEffect] {
        switch write {
        case .parsed(let id, let file, _, _, _, _), .stage(_, let id, let file, _, _):
            let service = if case .stage(let stage, _, _, _, _) = write { stage.service } else { Stage.parse.service }
            reports[id]?.storing.remove(service)
            // Counted as an attempt: a result the store refuses every time (too large, a broken
            // database) must end in the dead-letter state, not be retried for ever.
            let item = WorkItem(service: service, origin: .report(id: id, file: file), queuedAt: now)
            return setBack(item, failure: JobFailure(reason: "the store refused the \(service) result: \(reason)", retryable: true), now: now)
        case .reindexed(_, let file, _):
            return [.note(.reindexAbandoned(file: file, reason: "the store refused it: \(reason)"))]
        case .attempts, .failure:
            return []
        }
    }

    // MARK: Retries and failures

    private mutating func setBack(_ item: WorkItem, failure: JobFailure, now: ContinuousClock.Instant) -> [PipelineEffect] {
        switch item.origin {
        case .control(let client, _):
            // A search the worker will not retry is one it cannot run (nothing to search for); a
            // retryable failure (the worker lost, timed out, shutting down) is worth asking again.
            return [.reply(client: client, .failure(failure.retryable ? .refused : .invalid, "\(item.service) failed: \(failure.reason)"))]
        case .reindex(_, let file):
            // A finished report stays done; its index entry is retried, then left for the next reindex.
            guard failure.retryable, item.attempt < policy.maxAttempts else {
                return [.note(.reindexAbandoned(file: file, reason: failure.reason))]
            }
            var again = item
            again.attempt += 1
            again.notBefore = now + policy.backoff(after: item.attempt)
            dispatcher.enqueue(again, now: now)
            return [.note(.retrying(again, reason: failure.reason))]
        case .report(let id, _):
            guard var progress = reports[id] else { return [] }
            guard failure.retryable else { return fail(id, stage: item.service, reason: failure.reason, cause: .rejectedByWorker) }
            progress.attempts += 1
            reports[id] = progress
            let attempts = progress.attempts
            let counted = PipelineEffect.write(.attempts(id: id, count: attempts))
            guard attempts < policy.maxAttempts else {
                return [counted] + fail(id, stage: item.service, reason: "gave up after \(attempts) attempts: \(failure.reason)",
                                        attempts: attempts, cause: .gaveUp)
            }
            var again = item
            again.attempt = attempts + 1
            again.notBefore = now + policy.backoff(after: attempts)
            dispatcher.enqueue(again, now: now)
            return [counted, .note(.retrying(again, reason: failure.reason))]
        }
    }

    /// Ends a report still in the pipeline: its queued work dropped, its failure written (then,
    /// once stored, its file shelved and the failure announced). A report that already ended is left alone.
    private mutating func fail(_ id: String, stage: String, reason: String, attempts: Int? = nil,
                               cause: FailureCause) -> [PipelineEffect] {
        guard let progress = reports.removeValue(forKey: id) else { return [] }
        dispatcher.cancel(reportId: id)
        let count = attempts ?? max(1, progress.attempts)
        return [.note(.reportFailed(id: id, file: progress.file, stage: stage, reason: reason, attempts: count, cause: cause)),
                .write(.failure(id: id, file: progress.file, stage: stage, reason: reason, attempts: count))]
    }

    /// Queues every stage whose needs are in and that is neither in nor being written.
    private mutating func enqueueReadyStages(of id: String, now: ContinuousClock.Instant) {
        guard let progress = reports[id] else { return }
        for stage in Stage.ready(after: progress.stored) where !progress.storing.contains(stage.service) {
            var item = WorkItem(service: stage.service, origin: .report(id: id, file: progress.file), queuedAt: now)
            item.attempt = progress.attempts + 1
            dispatcher.enqueue(item, now: now)
        }
    }
}
