import Benchmark

/// A benchmark of what a worker pays once before its first job: `load` builds the thing (a
/// segmenter, a summarizer), timed in the thread's own CPU (the machine is shared).
public func loadBenchmark(_ name: String, _ load: @escaping @Sendable () throws -> Any) {
    let loadMilliseconds = BenchmarkMetric.custom("CPU ms/load (thread)", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark(name, configuration: .init(metrics: [.wallClock, loadMilliseconds], timeUnits: .milliseconds,
                                         maxDuration: .seconds(10), maxIterations: 15)) { benchmark in
        let start = threadCPUMicroseconds()
        blackHole(try load())
        benchmark.measurement(loadMilliseconds, (threadCPUMicroseconds() - start) / 1_000)
    }
}
