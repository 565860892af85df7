import Foundation

/// A unit of work waiting for, or running on, a worker.
struct WorkItem {
    enum Origin {
        /// A pipeline stage of a stored report.
        case report(id: String, file: String)
        /// A `reportctl` request awaiting its answer on the control socket.
        case control(client: [UInt8], input: [UInt8])
    }

    let service: String
    let origin: Origin
    var attempt = 1
    var notBefore = Date.distantPast
    /// When a control request was queued: it fails if no worker takes it in time.
    var queuedAt = Date()

    /// One pipeline stage of one report is queued or running at most once.
    var stageKey: StageKey? {
        if case .report(let id, _) = origin { return StageKey(reportId: id, service: service) }
        return nil
    }

    var reportId: String? { stageKey?.reportId }
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
    let deadline: Date
}
