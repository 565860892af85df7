import Foundation
import Logging
import ReportProtocol

/// Performs what the pipeline core (`PipelineMachine`) decides: writes to the store in one
/// transaction per wake-up, sends jobs, shelves files, publishes what was committed, and
/// feeds every outcome back to the core. Every decision is the core's; the I/O is here.
final class Pipeline {
    let store: StateStore
    let publisher: Publisher
    let workArea: WorkArea
    let layout: InboxLayout
    private(set) var machine: PipelineMachine
    private let nearDuplicates: NearDuplicateFinder
    /// Enough for the reports between parse and done at full speed with a few workers each.
    private var recentDocuments = RecentDocuments(capacity: 64)
    let logger: Logger
    /// Counters of what happens here; DaemonLoop shares them with the publisher and /metrics.
    var metrics = DaemonMetrics()
    /// Writes the core asked for since the last commit.
    private var pendingWrites: [StoreWrite] = []
    /// Answers for control clients whose work ran on a worker (search); the loop sends them.
    private var replies: [(client: [UInt8], response: ControlResponse)] = []
    /// Workers that held a job past its deadline; the loop drops and replaces them.
    private var stuckWorkers: [[UInt8]] = []

    init(store: StateStore, workArea: WorkArea, layout: InboxLayout, publisher: Publisher, machine: PipelineMachine,
         logger: Logger) {
        self.store = store
        nearDuplicates = NearDuplicateFinder(store: store)
        self.publisher = publisher
        self.workArea = workArea
        self.layout = layout
        self.machine = machine
        self.logger = logger
    }

    var policy: PipelinePolicy {
        get { machine.policy }
        set { machine.policy = newValue }
    }

    var jobTimeout: TimeInterval {
        get { machine.jobTimeout }
        set { machine.jobTimeout = newValue }
    }

    var dispatcher: Dispatcher { machine.dispatcher }

    /// Hands an event to the core and performs what it decides; store writes wait for `commit`.
    func handle(_ event: PipelineEvent) {
        perform(machine.handle(event))
    }

    /// What the core decided that the loop performs with sockets of its own, taken once per wake-up.
    func takeReplies() -> [(client: [UInt8], response: ControlResponse)] {
        defer { replies = [] }
        return replies
    }

    func takeStuckWorkers() -> [[UInt8]] {
        defer { stuckWorkers = [] }
        return stuckWorkers
    }

    // MARK: Group commit

    /// Commits the writes of this wake-up in one transaction, then tells the core what each did;
    /// what that decides (shelve, publish, retry, more writes) follows, so nothing is published
    /// before it is committed. Writes the outcomes ask for go in the next round.
    func commit(now: ContinuousClock.Instant = .now) {
        while !pendingWrites.isEmpty {
            let writes = pendingWrites
            pendingWrites = []
            // The fingerprints are read before the transaction: the store cannot be read inside it.
            var fingerprints: Error?
            if writes.contains(where: { if case .parsed = $0 { true } else { false } }) {
                do { try nearDuplicates.load() } catch { fingerprints = error }
            }
            let outcomes: [StoreOutcome]
            do {
                outcomes = try store.commit(writes, time: Date().rfc3339,
                                            nearDuplicate: { [nearDuplicates] id, fingerprint in
                                                if let fingerprints { throw fingerprints }
                                                return try nearDuplicates.closest(to: fingerprint, excluding: id)
                                            },
                                            parsedStored: remember,
                                            facts: { [recentDocuments] id in recentDocuments.facts(of: id) })
            } catch {
                outcomes = writes.map { _ in .refused(error) }
            }
            for (write, outcome) in zip(writes, outcomes) {
                switch outcome {
                case .stored(let events):
                    if case .parsed(let id, _, let document, _, _, let facts) = write, !events.isEmpty {
                        recentDocuments.keep(document, facts: facts, for: id)
                    }
                    handle(.stored(write, events, now: now))
                case .refused(let error):
                    handle(.refused(write, reason: "\(error)", now: now))
                }
            }
        }
    }

    /// A fingerprint stored in this transaction is compared against by the next parse at once.
    /// The table is loaded (a parsed write is only stored when it was), so this reads no store.
    private func remember(id: String, file: String, fingerprint: TextFingerprint) {
        do { try nearDuplicates.remember(id: id, file: file, fingerprint: fingerprint) } catch {
            logger.error("could not remember the fingerprint of \(id.prefix(12)): \(error)", metadata: .report(id, file: file))
        }
    }

    // MARK: Jobs

    /// Sends as much queued work as there are idle workers. A job whose input cannot be read, or
    /// whose worker vanished, goes back to the core, which frees its worker for the next round.
    func dispatch(to workers: some WorkerPool, now: ContinuousClock.Instant = .now) {
        var again = true
        while again {
            again = false
            var idle = workers.idleWorkers
            guard !idle.isEmpty else { return }
            for effect in machine.dispatch(to: &idle, now: now) {
                guard case .send(let job) = effect else { perform([effect]); continue }
                do {
                    if !workers.send(try request(for: job), to: job.worker) {
                        handle(.unsent(jobId: job.jobId))
                        again = true
                    }
                } catch {
                    handle(.inputUnreadable(jobId: job.jobId, reason: "\(error)", now: now))
                    again = true
                }
            }
            commit(now: now)
        }
    }

    /// Builds the wire job, reading its input only now so queued work costs no memory: the file
    /// for a first stage, the parsed document for the others.
    private func request(for job: RunningJob) throws -> JobRequest {
        let service = job.item.service
        switch job.item.origin {
        case .control(_, let input):
            return JobRequest(jobId: job.jobId, service: service, input: input)
        case .reindex(let id, let file):
            guard try store.report(id: id)?.state == .done, let document = try store.results(id: id).document else {
                throw InputUnavailable(reason: "the report is no longer done")
            }
            return JobRequest(jobId: job.jobId, service: service,
                              input: DocumentInputEncoder.encode(reportId: id, file: file, document: document))
        case .report(let id, let file):
            if Stage.served(by: service)?.isFirst == true {
                do {
                    return JobRequest(jobId: job.jobId, service: service,
                                      input: try WireJSON.encode(ParseInput(reportId: id, file: file)),
                                      payload: try workArea.contents(of: id, file: file, limit: policy.maxFileBytes))
                } catch {
                    throw InputUnavailable(reason: "could not read the input: \(error)")
                }
            }
            let document: [UInt8]?
            do { document = try recentDocuments[id] ?? store.results(id: id).document } catch {
                throw InputUnavailable(reason: "could not read the input: \(error)")
            }
            guard let document else { throw InputUnavailable(reason: "no parsed document stored") }
            return JobRequest(jobId: job.jobId, service: service,
                              input: DocumentInputEncoder.encode(reportId: id, file: file, document: document))
        }
    }

    // MARK: Effects

    private func perform(_ effects: [PipelineEffect]) {
        for effect in effects {
            switch effect {
            case .write(let write):
                pendingWrites.append(write)
            case .send(let job):
                // Sends come only from `dispatch`, which performs them itself.
                logger.error("a job to send reached the wrong place: \(job.jobId)")
            case .shelve(let id, let file, let state, let reason):
                recentDocuments.forget(id)
                shelve(id: id, file: file, state: state, reason: reason)
            case .publish(let events):
                events.forEach(publisher.publish)
            case .reply(let client, let response):
                replies.append((client, response))
            case .replaceWorker(let identity):
                stuckWorkers.append(identity)
            case .note(let note):
                record(note)
            }
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
