import Benchmark
import BenchmarkSupport
import Foundation
import ReportIndexing
import ReportProtocol

/// The search index on a corpus of generated report variants (10,000 unless
/// REPORTD_BENCH_REPORTS says otherwise): how fast it is built, how large it is next to the text,
/// and how long a query takes, alone and while another thread indexes at full speed.
/// Aims: p99 under 10 ms, an index at most twice the text. Besides the harness's tables, each
/// benchmark prints its figures in one plain line on stderr, and each figure in a line of its own
/// for bench/text_bench.py (BenchmarkFigures).
let benchmarks: @Sendable () -> Void = {
    let reports = Int(ProcessInfo.processInfo.environment["REPORTD_BENCH_REPORTS"] ?? "") ?? 10_000
    let buildRate = BenchmarkMetric.custom("build rate (KB/s of text)", polarity: .prefersLarger, useScalingFactor: false)
    let sizeRatio = BenchmarkMetric.custom("index size (% of text)", polarity: .prefersSmaller, useScalingFactor: false)
    let textSize = BenchmarkMetric.custom("text indexed (MB)", polarity: .prefersSmaller, useScalingFactor: false)
    let indexCPU = BenchmarkMetric.custom("index call CPU per report (μs)", polarity: .prefersSmaller, useScalingFactor: false)

    Benchmark("index \(reports) report variants",
              configuration: .init(metrics: [.wallClock, buildRate, sizeRatio, textSize, indexCPU], timeUnits: .seconds,
                                   warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)) { benchmark in
        do {
            let built = try CorpusIndex.build(reports: reports)
            benchmark.measurement(buildRate, Int(Double(built.textBytes) / 1024 / built.seconds))
            benchmark.measurement(sizeRatio, Int((100 * Double(built.indexBytes) / Double(built.textBytes)).rounded()))
            benchmark.measurement(textSize, built.textBytes / 1_000_000)
            benchmark.measurement(indexCPU, Int(1000 * built.cpuMilliseconds / Double(built.reports)))
            report(built.summary)
            built.emitFigures()
        } catch {
            benchmark.error("building the index failed: \(error)")
        }
    }

    let next = QueryMix()
    let quiet = LatencyLog()
    Benchmark("query \(reports) reports: 2-, 3- and 4+-character terms, top 10",
              configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds,
                                   maxDuration: .seconds(20), maxIterations: 3_000),
              closure: { _, index in
        blackHole(quiet.time { try? index.search(SearchRequest(query: next.query(), limit: 10)) })
    }, setup: {
        try CorpusIndex.opened(reports: reports)
    }, teardown: {
        report("query \(reports) reports, quiet: \(quiet.summary(figures: "query.quiet"))")
    })

    let loaded = LatencyLog()
    let ingestion = IngestionLoad(path: CorpusIndex.path(reports: reports).path, firstVariant: reports)
    Benchmark("query \(reports) reports while another thread indexes, top 10",
              configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds,
                                   maxDuration: .seconds(20), maxIterations: 3_000),
              closure: { _, index in
        blackHole(loaded.time { try? index.search(SearchRequest(query: next.query(), limit: 10)) })
    }, setup: {
        let index = try CorpusIndex.opened(reports: reports)
        try ingestion.start()
        return index
    }, teardown: {
        let indexing = try ingestion.stop()
        report("query \(reports) reports, while indexing: \(loaded.summary(figures: "query.loaded")); \(indexing)")
    })
}

/// One line on stderr, where the harness's own output does not bury it.
func report(_ line: String) {
    FileHandle.standardError.write(Data(("search benchmark: " + line + "\n").utf8))
}
