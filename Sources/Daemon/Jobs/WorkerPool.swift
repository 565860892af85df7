import ReportProtocol

/// The workers the pipeline sends jobs to: who is idle now, and the send itself. The broker is
/// one; the pipeline needs nothing else of it.
protocol WorkerPool {
    var idleWorkers: IdleWorkers { get }
    /// False when the worker vanished meanwhile; the job goes back to its queue.
    func send(_ job: JobRequest, to identity: [UInt8]) -> Bool
}
