import Foundation

/// A unit of work waiting for, or running on, a worker.
struct WorkItem {
    enum Origin {
        /// A pipeline stage of a stored report.
        case report(id: String, file: String)
        /// A `reportctl` request awaiting its answer on the control socket.
        case control(client: [UInt8], input: [UInt8])
        /// A finished report indexed again from its stored document (`reportctl reindex`).
        case reindex(id: String, file: String)
    }

    let service: String
    let origin: Origin
    var attempt = 1
    /// The end of a retry's back-off; nil for work that may go at once.
    var notBefore: ContinuousClock.Instant?
    /// When it was first queued: a control request fails if no worker takes it in time, and the
    /// stage latency metric counts from it.
    var queuedAt: ContinuousClock.Instant

    init(service: String, origin: Origin, queuedAt: ContinuousClock.Instant) {
        self.service = service
        self.origin = origin
        self.queuedAt = queuedAt
    }

    /// One pipeline stage of one report is queued or running at most once.
    var stageKey: StageKey? {
        switch origin {
        case .report(let id, _): StageKey(reportId: id, service: service)
        case .reindex(let id, _): StageKey(reportId: id, service: "reindex")
        case .control: nil
        }
    }

    var reportId: String? { stageKey?.reportId }

    /// Whether its back-off, if any, is over at `now`.
    func isDue(at now: ContinuousClock.Instant) -> Bool {
        notBefore.map { $0 <= now } ?? true
    }
}

struct StageKey: Hashable {
    let reportId: String
    let service: String
}

/// A work item handed to a worker, with its deadline.
struct RunningJob {
    let jobId: String
    var item: WorkItem
    let worker: [UInt8]
    let deadline: ContinuousClock.Instant
    /// When it was sent, for the job duration histogram.
    let startedAt: ContinuousClock.Instant
}
