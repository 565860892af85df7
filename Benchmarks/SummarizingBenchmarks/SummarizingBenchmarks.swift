import Benchmark
import BenchmarkSupport
import Foundation
import ReportSummarizing

/// The summarizer on one sample report per iteration (keywords, summary, section sentences,
/// digest), on one core. Python's textrank4zh needs about 2 s a report here; the aim is under 20 ms.
let benchmarks: @Sendable () -> Void = {
    let documents = (try? BenchmarkCorpus.documents()) ?? []
    let next = Counter()
    Benchmark("summarize one sample report",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds,
                                   maxDuration: .seconds(10)),
              closure: { _, summarizer in
        blackHole(summarizer.summarize(documents[next.take() % documents.count]))
    }, setup: {
        try Summarizer.standard(configDirectory: BenchmarkCorpus.configDirectory)
    })
}

/// Which sample comes next; the benchmark closure runs on one thread at a time.
final class Counter: @unchecked Sendable {
    private var value = 0
    func take() -> Int {
        defer { value += 1 }
        return value
    }
}
