import DequeModule
import Foundation
import ReportProtocol

/// Per-service FIFO queues and the jobs in flight. It hands queued work to idle workers,
/// and knows which jobs ran out of time or lost their worker.
final class Dispatcher {
    private var queues: [String: Deque<WorkItem>] = [:]
    private var running: [String: RunningJob] = [:]
    private var nextJobNumber = 0
    private let jobTimeout: TimeInterval

    init(jobTimeout: TimeInterval) {
        self.jobTimeout = jobTimeout
    }

    var queueDepths: [String: Int] { queues.mapValues(\.count).filter { $0.value > 0 } }
    var runningCount: Int { running.count }
    var isIdle: Bool { running.isEmpty }
    var queuedCount: Int { queues.values.reduce(0) { $0 + $1.count } }

    func enqueue(_ item: WorkItem) {
        queues[item.service, default: []].append(item)
    }

    /// Sends as much queued work as there are idle workers. `request` builds the wire job
    /// (reading the file or the stored document); nil means the item was settled another way.
    func dispatch(broker: Broker, now: Date = Date(), request: (WorkItem, String) -> JobRequest?) {
        for service in Array(queues.keys) {
            // Taken out of the dictionary so popping does not copy the whole queue.
            guard var queue = queues.removeValue(forKey: service) else { continue }
            var notYet: [WorkItem] = []
            while let worker = broker.idleWorker(for: service), let item = queue.popFirst() {
                guard item.notBefore <= now else {
                    notYet.append(item)
                    continue
                }
                nextJobNumber += 1
                let jobId = "\(service)-\(nextJobNumber)"
                guard let job = request(item, jobId) else { continue }
                if broker.send(job, to: worker) {
                    running[jobId] = RunningJob(jobId: jobId, item: item, worker: worker, deadline: now + jobTimeout)
                } else {
                    notYet.append(item)
                }
            }
            queue.prepend(contentsOf: notYet)
            if !queue.isEmpty { queues[service] = queue }
        }
    }

    /// Removes and returns a finished job; nil for one already given up on (a late answer).
    func complete(jobId: String) -> RunningJob? {
        running.removeValue(forKey: jobId)
    }

    /// Jobs past their deadline, removed from the running set.
    func expired(now: Date = Date()) -> [RunningJob] {
        let late = running.values.filter { $0.deadline < now }
        for job in late { running[job.jobId] = nil }
        return late
    }

    /// The job a lost worker held, removed from the running set.
    func jobs(heldBy worker: [UInt8]) -> [RunningJob] {
        let held = running.values.filter { $0.worker == worker }
        for job in held { running[job.jobId] = nil }
        return held
    }
}
