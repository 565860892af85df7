import Benchmark
import Foundation
import ReportParsing

/// The parser alone on the sample reports: bytes in, ParsedDocument out, as the worker does it.
let benchmarks: @Sendable () -> Void = {
    let samples = SampleReports.load()
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
}

/// The sample reports from Tests/Fixtures/corpus, found from this file's path.
enum SampleReports {
    static func load() -> [(name: String, bytes: [UInt8])] {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/corpus")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.map { ($0, Array((try? Data(contentsOf: corpus.appendingPathComponent($0))) ?? Data())) }
    }
}
