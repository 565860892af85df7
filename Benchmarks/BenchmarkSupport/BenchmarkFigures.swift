import Foundation

/// The figures `bench/text_bench.py` reads: one line per figure on stderr,
/// `bench-figure<TAB>key<TAB>value`, beside the benchmarks' human-readable lines, so the script
/// neither parses the harness's tables nor depends on their wording.
public enum BenchmarkFigures {
    public static func emit(_ key: String, _ value: Double) {
        FileHandle.standardError.write(Data("bench-figure\t\(key)\t\(value)\n".utf8))
    }

    /// Nearest-rank percentile of ascending `sorted` values (a value that was measured), as
    /// bench/stats.py computes it; `fraction` 0.5 is the median, 1 the maximum.
    public static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// One value per benchmark iteration, kept until a teardown turns them into figures. The
/// harness runs a benchmark's iterations on one thread; the lock only makes that safe to rely on.
public final class IterationSamples: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []

    public init() {}

    public func record(_ value: Double) {
        lock.withLock { values.append(value) }
    }

    /// Emits `<key>.median`, `<key>.mean` and `<key>.iterations`, then forgets the values.
    public func emit(_ key: String) {
        let sorted = lock.withLock { () -> [Double] in
            defer { values.removeAll() }
            return values.sorted()
        }
        guard !sorted.isEmpty else { return }
        BenchmarkFigures.emit(key + ".median", BenchmarkFigures.percentile(sorted, 0.5))
        BenchmarkFigures.emit(key + ".mean", sorted.reduce(0, +) / Double(sorted.count))
        BenchmarkFigures.emit(key + ".iterations", Double(sorted.count))
    }
}
