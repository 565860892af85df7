import Foundation

/// What happened, for the metrics and the log.
enum PipelineNote {
    case jobEnded(RunningJob, JobOutcome, now: ContinuousClock.Instant)
    /// An answer to a job that was given up on, answered already, or came from another worker.
    case ignoredAnswer(jobId: String)
    /// An answer for a stage the report no longer waits for (it ended, or the stage is in).
    case staleResult(WorkItem)
    case workerFailedJob(WorkItem, reason: String)
    case retrying(WorkItem, reason: String)
    case reportFailed(id: String, file: String, stage: String, reason: String, attempts: Int, cause: FailureCause)
    case done(id: String, file: String)
    case reindexAbandoned(file: String, reason: String)
    case storeRefused(StoreWrite, reason: String)
}
