import BenchmarkSupport
import Foundation

/// Every query's own wall-clock time and the CPU time of the thread running it, so a run can
/// print p50/p99 in one plain line next to the harness's table. CPU time tells the query's own
/// work from waiting for a core, which on the shared 2-core machine is most of the difference.
final class LatencyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var wall: [Double] = []
    private var cpu: [Double] = []

    func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let startCPU = ThreadClock.cpuMilliseconds()
        defer {
            let elapsed = (ContinuousClock.now - start) / .milliseconds(1)
            let elapsedCPU = ThreadClock.cpuMilliseconds() - startCPU
            lock.withLock {
                wall.append(elapsed)
                cpu.append(elapsedCPU)
            }
        }
        return try body()
    }

    /// Wall-clock and CPU p50/p90/p99/max in ms, nearest-rank; then forgets the queries. The
    /// p50 and p99 also go to stderr as figures `<figures>.wall_ms.p50` and so on.
    func summary(figures key: String) -> String {
        let (wall, cpu) = lock.withLock { () -> ([Double], [Double]) in
            defer {
                self.wall.removeAll()
                self.cpu.removeAll()
            }
            return (self.wall.sorted(), self.cpu.sorted())
        }
        guard !wall.isEmpty else { return "no queries" }
        for (name, sorted) in [("wall_ms", wall), ("cpu_ms", cpu)] {
            BenchmarkFigures.emit("\(key).\(name).p50", BenchmarkFigures.percentile(sorted, 0.50))
            BenchmarkFigures.emit("\(key).\(name).p99", BenchmarkFigures.percentile(sorted, 0.99))
        }
        BenchmarkFigures.emit("\(key).queries", Double(wall.count))
        func percentiles(_ sorted: [Double]) -> String {
            [50.0, 90, 99, 100].map { p in
                (p == 100 ? "max " : "p\(Int(p)) ") + String(format: "%.2f", BenchmarkFigures.percentile(sorted, p / 100))
            }.joined(separator: ", ")
        }
        return "wall ms \(percentiles(wall)); CPU ms \(percentiles(cpu)); \(wall.count) queries"
    }
}

/// CPU time of the calling thread.
enum ThreadClock {
    static func cpuMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
    }
}
