import Benchmark
import BenchmarkSupport
import ChineseText
import Foundation

/// The segmenter alone on the five samples (jieba's dictionary + Config/dict/domain.txt + HMM).
/// Python's jieba.cut does about 0.7 MB/s on this machine; the aim is 10 MB/s or more.
/// At the end, the median and mean MB/s of the iterations go to stderr for bench/text_bench.py,
/// by the wall clock and per second of the thread's CPU time (which the machine's load leaves alone).
let benchmarks: @Sendable () -> Void = {
    let texts = ((try? BenchmarkCorpus.samples()) ?? []).map { String(decoding: $0.bytes, as: UTF8.self) }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let megabytesPerSecond = BenchmarkMetric.custom("MB/s (segmented)", polarity: .prefersLarger, useScalingFactor: false)
    // Per second of the thread's own CPU time: on the shared machine wall clock mostly measures
    // the queue for a core.
    let megabytesPerCPUSecond = BenchmarkMetric.custom("MB/s (thread CPU)", polarity: .prefersLarger, useScalingFactor: false)
    let rates = IterationSamples()
    let cpuRates = IterationSamples()
    Benchmark("segment the five samples (\(bytes / 1024) KB)",
              configuration: .init(metrics: [.wallClock, .throughput, megabytesPerSecond, megabytesPerCPUSecond],
                                   maxDuration: .seconds(5)),
              closure: { benchmark, segmenter in
        let start = ContinuousClock.now
        let cpuStart = threadCPUMicroseconds()
        for text in texts { blackHole(segmenter.tokens(text)) }
        let cpuMicroseconds = max(1, threadCPUMicroseconds() - cpuStart)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        cpuRates.record(Double(bytes) / Double(cpuMicroseconds))
        rates.record(Double(bytes) / 1_000_000 / seconds)
        benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1_000_000 / seconds).rounded()))
        benchmark.measurement(megabytesPerCPUSecond, Int((Double(bytes) / Double(cpuMicroseconds)).rounded()))
    }, setup: {
        try Segmenter.standard(domainDictionary: BenchmarkCorpus.domainDictionary)
    }, teardown: {
        BenchmarkFigures.emit("segmenter.bytes", Double(bytes))
        rates.emit("segmenter.mb_per_s")
        cpuRates.emit("segmenter.mb_per_cpu_s")
    })
    // What the summarizer, indexer and searcher each pay once at start: the jieba dictionary,
    // the domain dictionary and the HMM.
    loadBenchmark("load the segmenter (Segmenter.standard)") {
        try Segmenter.standard(domainDictionary: BenchmarkCorpus.domainDictionary)
    }
}
