import Foundation

/// The log lines and counters of what the core noted.
extension Pipeline {
    func record(_ note: PipelineNote) {
        switch note {
        case .jobEnded(let job, let outcome, let now):
            metrics.jobEnded(job, outcome: outcome, now: now)
        case .ignoredAnswer(let jobId):
            logger.debug("ignored a late or foreign answer to \(jobId)")
        case .staleResult(let item):
            logger.debug("ignored a result the report no longer waits for", metadata: .work(item))
        case .workerFailedJob(let item, let reason):
            logger.debug("\(item.service) failed: \(reason)", metadata: .work(item))
        case .retrying(let item, let reason):
            metrics.retried(service: item.service)
            if case .report(_, let file) = item.origin {
                logger.info("retrying \(item.service) of \(file.sanitizedForLog) (attempt \(item.attempt)): \(reason)", metadata: .work(item))
            }
        case .reportFailed(let id, let file, let stage, let reason, let attempts, let cause):
            metrics.reportFailed(stage: stage, cause: cause)
            logger.warning("failed \(file.sanitizedForLog) at \(stage): \(reason)",
                           metadata: .report(id, file: file, stage: stage, attempt: attempts))
        case .done(let id, let file):
            logger.debug("done \(file.sanitizedForLog)", metadata: .report(id, file: file))
        case .reindexAbandoned(let file, let reason):
            logger.warning("re-indexing \(file.sanitizedForLog) failed: \(reason)")
        case .storeRefused(let write, let reason):
            switch write {
            case .parsed(let id, let file, _, _, _, _), .stage(_, let id, let file, _, _):
                let service = if case .stage(let stage, _, _, _, _) = write { stage.service } else { Stage.parse.service }
                logger.error("the store refused the \(service) result of \(id.prefix(12)) (\(file.sanitizedForLog)): \(reason)",
                             metadata: .report(id, file: file, stage: service))
            case .failure(let id, let file, let stage, _, _):
                logger.error("could not record the failure of \(id.prefix(12)): \(reason)", metadata: .report(id, file: file, stage: stage))
            case .attempts(let id, _), .reindexed(let id, _, _):
                logger.error("the store refused a write for \(id.prefix(12)): \(reason)", metadata: .report(id))
            }
        }
    }
}
