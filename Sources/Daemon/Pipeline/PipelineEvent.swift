import Foundation
import ReportProtocol

/// What the pipeline core hears. Every event carries the time it happened: the core reads no clock.
enum PipelineEvent {
    /// A report is recorded as `accepted` (from the inbox, or back from failed/ by `reportctl retry`).
    case accepted(id: String, file: String, size: Int, now: ContinuousClock.Instant)
    /// At start: the store's unfinished reports, and whether each one's input is still in the work area.
    case recovered([RecoveredReport], now: ContinuousClock.Instant)
    /// A worker answered a job.
    case result(jobId: String, worker: [UInt8], body: [UInt8], now: ContinuousClock.Instant)
    /// A worker failed a job, retryable or not.
    case failure(jobId: String, worker: [UInt8], JobFailure, now: ContinuousClock.Instant)
    /// A worker is gone (exited, silent, unreachable, said goodbye, reconnected); `reason` is for people.
    case workerLost(worker: [UInt8], reason: String, now: ContinuousClock.Instant)
    /// The timed duties ran: jobs past their deadline, control requests nobody took.
    case tick(now: ContinuousClock.Instant, controlPatience: TimeInterval)
    /// The loop could not send an assigned job (its worker vanished).
    case unsent(jobId: String)
    /// The loop could not read an assigned job's input (the work file, the stored document).
    case inputUnreadable(jobId: String, reason: String, now: ContinuousClock.Instant)
    /// What the store did with a write the core asked for.
    case stored(StoreWrite, [PublishedEvent], now: ContinuousClock.Instant)
    case refused(StoreWrite, reason: String, now: ContinuousClock.Instant)
    /// `reportctl search` and friends: work for a worker, answered on the control socket.
    case requested(service: String, client: [UInt8], input: [UInt8], now: ContinuousClock.Instant)
    /// `reportctl reindex`: a finished report's index entry made again.
    case reindexRequested(id: String, file: String, now: ContinuousClock.Instant)
}
