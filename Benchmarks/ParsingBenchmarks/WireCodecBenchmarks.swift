import Benchmark
import Foundation
import ReportParsing
import ReportProtocol

/// WireJSON on each sample's ParsedDocument, beside the Codable path it replaced (the same
/// JSONEncoder/JSONDecoder configuration, called directly), and the parser worker's whole job
/// (ParserJob: decode the ParseInput, parse the file, encode the document) per sample report.
/// `MB/s` is the document's JSON bytes over one call's wall time.
func wireCodecBenchmarks(samples: [(name: String, bytes: [UInt8])]) {
    let parser = ReportParser()
    let documents = samples.map { sample in
        (name: String(sample.name.prefix(3)), document: try! parser.parse(bytes: sample.bytes, fileName: sample.name))
    }
    let throughput = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, throughput], maxDuration: .seconds(1))

    /// One benchmark that times `work` once per iteration and reports MB/s over `bytes`.
    func timed(_ name: String, bytes: Int, _ work: @escaping () throws -> Void) {
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let start = ContinuousClock.now
                try work()
                let elapsed = (ContinuousClock.now - start) / .nanoseconds(1)
                benchmark.measurement(throughput, Int(Double(bytes) * 1e3 / max(elapsed, 1)))
            }
        }
    }

    for (name, document) in documents {
        let json = try! WireJSON.encode(document)
        let size = "\(json.count / 1024) KB"
        timed("wire encode \(name) (\(size))", bytes: json.count) { blackHole(try WireJSON.encode(document)) }
        timed("wire decode \(name) (\(size))", bytes: json.count) { blackHole(try WireJSON.decode(ParsedDocument.self, from: json)) }
        timed("Codable encode \(name) (\(size))", bytes: json.count) { blackHole(try WireJSON.encoder.encode(document)) }
        timed("Codable decode \(name) (\(size))", bytes: json.count) {
            blackHole(try WireJSON.decoder.decode(ParsedDocument.self, from: Data(json)))
        }
    }

    let job = ParserJob(parser: parser)
    let inputs = samples.map { sample in
        (input: try! WireJSON.encode(ParseInput(reportId: sample.name, file: sample.name)), payload: sample.bytes)
    }
    let totalBytes = samples.reduce(0) { $0 + $1.bytes.count }
    Benchmark("parser worker job, five samples (\(totalBytes / 1024) KB)",
              configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { benchmark in
        for _ in benchmark.scaledIterations {
            for (input, payload) in inputs { blackHole(try job.run(input: input, payload: payload)) }
        }
    }
}
