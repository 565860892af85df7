import Foundation

/// Every query's own wall-clock time, so a run can print p50/p99 in one plain line next to the
/// harness's table (which, for a custom label, is easy to misread).
final class LatencyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var durations: [Duration] = []

    func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            lock.withLock { durations.append(elapsed) }
        }
        return try body()
    }

    /// "p50 … ms, p99 … ms over n queries", nearest-rank percentiles; then forgets the queries.
    func summary() -> String {
        let sorted = lock.withLock { () -> [Duration] in
            defer { durations.removeAll() }
            return durations.sorted()
        }
        guard !sorted.isEmpty else { return "no queries" }
        func percentile(_ p: Double) -> String {
            let rank = max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
            return String(format: "%.2f ms", sorted[min(rank, sorted.count - 1)] / .milliseconds(1))
        }
        return "p50 \(percentile(50)), p90 \(percentile(90)), p99 \(percentile(99)), max \(percentile(100)) over \(sorted.count) queries"
    }
}
