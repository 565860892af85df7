import Benchmark
import BenchmarkSupport
import Foundation
import ReportParsing

/// The parser alone on the sample reports, the parser worker's whole job, and the wire codec
/// on each sample's document (WireCodecBenchmarks.swift).
let benchmarks: @Sendable () -> Void = {
    let samples: [(name: String, bytes: [UInt8])]
    do {
        samples = try BenchmarkCorpus.samples()
    } catch {
        fatalError("\(error)")
    }
    let totalBytes = samples.reduce(0) { $0 + $1.bytes.count }
    Benchmark("parse the five samples (\(totalBytes / 1024) KB)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(5))) { benchmark in
        let parser = ReportParser()
        for _ in benchmark.scaledIterations {
            for sample in samples {
                blackHole(try parser.parse(bytes: sample.bytes, fileName: sample.name))
            }
        }
    }
    wireCodecBenchmarks(samples: samples)
}
