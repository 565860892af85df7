import DequeModule
import Foundation
import ReportProtocol

/// Per-service FIFO queues and the jobs in flight. It assigns queued work to idle workers,
/// and knows which jobs ran out of time or lost their worker. No sockets and no clock: the
/// time is passed in, and what it assigns the loop sends.
struct Dispatcher {
    private(set) var queues: [String: Deque<WorkItem>] = [:]
    /// Retries waiting out their back-off, kept apart so a long queue is not rescanned for them.
    private(set) var delayed: [WorkItem] = []
    private(set) var running: [String: RunningJob] = [:]
    /// Stages queued, delayed or running: a stage is never queued twice.
    private var scheduled: Set<StageKey> = []
    /// Control requests in the queues, so finding the oldest does not scan report work.
    private var queuedControlRequests = 0
    private var nextJobNumber = 0
    /// Job ids differ between daemon runs, so an answer to a job of a previous run is never
    /// taken for a job of this one.
    private let runToken: String
    var jobTimeout: TimeInterval

    init(jobTimeout: TimeInterval, runToken: String = String(UInt32.random(in: .min ... .max), radix: 36)) {
        self.jobTimeout = jobTimeout
        self.runToken = runToken
    }

    var queueDepths: [String: Int] {
        var depths = queues.mapValues(\.count).filter { $0.value > 0 }
        for item in delayed { depths[item.service, default: 0] += 1 }
        return depths
    }
    var runningCount: Int { running.count }
    var isIdle: Bool { running.isEmpty }
    var queuedCount: Int { queues.values.reduce(delayed.count) { $0 + $1.count } }

    mutating func enqueue(_ item: WorkItem, now: ContinuousClock.Instant) {
        if let key = item.stageKey, !scheduled.insert(key).inserted { return }
        if item.stageKey == nil { queuedControlRequests += 1 }
        if !item.isDue(at: now) {
            delayed.append(item)
        } else {
            queues[item.service, default: []].append(item)
        }
    }

    /// Assigns as much queued work as there are idle workers; the jobs returned are running
    /// from `now`, and the loop sends them (or hands them back with `unsent`).
    mutating func assign(to idle: inout IdleWorkers, now: ContinuousClock.Instant) -> [RunningJob] {
        releaseDueRetries(now: now)
        var assigned: [RunningJob] = []
        for service in queues.keys.sorted(by: Self.dispatchOrder) {
            // Taken out of the dictionary so popping does not copy the whole queue.
            guard var queue = queues.removeValue(forKey: service) else { continue }
            while !queue.isEmpty, let worker = idle.take(for: service), let item = queue.popFirst() {
                if item.stageKey == nil { queuedControlRequests -= 1 }
                nextJobNumber += 1
                let jobId = "\(service)-\(runToken)-\(nextJobNumber)"
                let job = RunningJob(jobId: jobId, item: item, worker: worker, deadline: now + jobTimeout, startedAt: now)
                running[jobId] = job
                assigned.append(job)
            }
            if !queue.isEmpty { queues[service] = queue }
        }
        return assigned
    }

    /// A job the loop could not send (its worker vanished) goes back to the front of its queue.
    mutating func unsent(jobId: String) {
        guard let job = running.removeValue(forKey: jobId) else { return }
        if job.item.stageKey == nil { queuedControlRequests += 1 }
        queues[job.item.service, default: []].prepend(job.item)
    }

    /// A job whose input could not be read: no longer running, and its stage no longer scheduled.
    mutating func abandon(jobId: String) -> RunningJob? {
        guard let job = running.removeValue(forKey: jobId) else { return nil }
        unschedule(job.item)
        return job
    }

    /// Removes and returns a finished job, if `worker` is the one it was sent to; nil for a job
    /// already given up on (a late answer) or an answer from the wrong peer.
    mutating func complete(jobId: String, from worker: [UInt8]) -> RunningJob? {
        guard let job = running[jobId], job.worker == worker else { return nil }
        running[jobId] = nil
        unschedule(job.item)
        return job
    }

    /// Jobs past their deadline, removed from the running set.
    mutating func expired(now: ContinuousClock.Instant) -> [RunningJob] {
        let late = running.values.filter { $0.deadline < now }
        for job in late { finish(job) }
        return late
    }

    /// The jobs a lost worker held, removed from the running set.
    mutating func jobs(heldBy worker: [UInt8]) -> [RunningJob] {
        let held = running.values.filter { $0.worker == worker }
        for job in held { finish(job) }
        return held
    }

    /// When something here next needs the loop without any message arriving: a retry's back-off
    /// ends (if `retries` are still dispatched), a running job passes its deadline, or a control
    /// request has waited `patience`.
    func nextDeadline(controlPatience patience: TimeInterval, retries: Bool = true) -> ContinuousClock.Instant? {
        var deadlines = [retries ? delayed.lazy.compactMap(\.notBefore).min() : nil, running.values.lazy.map(\.deadline).min()]
        if queuedControlRequests > 0 {
            let oldest = queues.values.compactMap { $0.first(where: { $0.stageKey == nil })?.queuedAt }.min()
            deadlines.append(oldest.map { $0 + patience })
        }
        return deadlines.compactMap { $0 }.min()
    }

    /// Control requests no worker took within `timeout`, removed from their queues.
    mutating func staleControlRequests(olderThan timeout: TimeInterval, now: ContinuousClock.Instant) -> [WorkItem] {
        guard queuedControlRequests > 0 else { return [] }
        let isStale = { (item: WorkItem) in item.stageKey == nil && now.seconds(since: item.queuedAt) > timeout }
        var stale: [WorkItem] = []
        for (service, queue) in queues where queue.contains(where: isStale) {
            var kept = Deque<WorkItem>()
            for item in queue {
                if isStale(item) { stale.append(item) } else { kept.append(item) }
            }
            queues[service] = kept
        }
        queuedControlRequests -= stale.count
        return stale
    }

    /// Whether any work of the report is queued, waiting out a back-off, or running.
    func isScheduled(reportId: String) -> Bool {
        scheduled.contains { $0.reportId == reportId }
    }

    /// Forgets the queued and delayed work of a report that ended; its running jobs finish
    /// and their answers are ignored by the store's state checks.
    mutating func cancel(reportId: String) {
        let matches = { (item: WorkItem) in item.reportId == reportId }
        for (service, queue) in queues where queue.contains(where: matches) {
            queues[service] = Deque(queue.filter { !matches($0) })
        }
        delayed.removeAll(where: matches)
        scheduled = scheduled.filter { $0.reportId != reportId || runningStage($0) }
    }

    private func runningStage(_ key: StageKey) -> Bool {
        running.values.contains { $0.item.stageKey == key }
    }

    private mutating func finish(_ job: RunningJob) {
        running[job.jobId] = nil
        unschedule(job.item)
    }

    private mutating func unschedule(_ item: WorkItem) {
        if let key = item.stageKey { scheduled.remove(key) }
    }

    private mutating func releaseDueRetries(now: ContinuousClock.Instant) {
        guard delayed.contains(where: { $0.isDue(at: now) }) else { return }
        for item in delayed where item.isDue(at: now) {
            queues[item.service, default: []].prepend(item)
        }
        delayed.removeAll { $0.isDue(at: now) }
    }

    /// Control requests first (a person is waiting), then the deeper stages of the graph, so
    /// reports in flight finish before new ones start; any other service last.
    private static func dispatchOrder(_ first: String, _ second: String) -> Bool {
        (rank(first), first) < (rank(second), second)
    }

    private static let deepest = Stage.all.map(\.depth).max() ?? 0

    private static func rank(_ service: String) -> Int {
        if service == ServiceName.search { return 0 }
        guard let stage = Stage.served(by: service) else { return deepest + 2 }
        return 1 + deepest - stage.depth
    }
}
