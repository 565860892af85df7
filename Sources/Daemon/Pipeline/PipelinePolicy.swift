import Foundation

/// How hard the pipeline tries before it gives up on a report.
struct PipelinePolicy {
    var maxAttempts: Int
    var retryBackoff: TimeInterval
    var maxFileBytes: Int

    /// The wait before try `attempt + 1`: doubling from `retryBackoff`, at most a minute.
    func backoff(after attempt: Int) -> TimeInterval {
        min(60, retryBackoff * pow(2, Double(max(1, attempt) - 1)))
    }
}
