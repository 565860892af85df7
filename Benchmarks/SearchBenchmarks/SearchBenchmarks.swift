import Benchmark
import BenchmarkSupport
import Foundation
import ReportIndexing
import ReportProtocol

/// The search index on a corpus of generated report variants (10,000 unless
/// REPORTD_BENCH_REPORTS says otherwise): how fast it is built, how large it is next to the text,
/// and how long a query takes. Aims: p99 under 10 ms, an index at most twice the text.
let benchmarks: @Sendable () -> Void = {
    let reports = Int(ProcessInfo.processInfo.environment["REPORTD_BENCH_REPORTS"] ?? "") ?? 10_000
    let buildRate = BenchmarkMetric.custom("build rate (KB/s of text)", polarity: .prefersLarger, useScalingFactor: false)
    let sizeRatio = BenchmarkMetric.custom("index size (% of text)", polarity: .prefersSmaller, useScalingFactor: false)
    let textSize = BenchmarkMetric.custom("text indexed (MB)", polarity: .prefersSmaller, useScalingFactor: false)

    Benchmark("index \(reports) report variants",
              configuration: .init(metrics: [.wallClock, buildRate, sizeRatio, textSize], timeUnits: .seconds,
                                   warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)) { benchmark in
        do {
            let built = try CorpusIndex.build(reports: reports)
            benchmark.measurement(buildRate, Int(Double(built.textBytes) / 1024 / built.seconds))
            benchmark.measurement(sizeRatio, Int((100 * Double(built.indexBytes) / Double(built.textBytes)).rounded()))
            benchmark.measurement(textSize, built.textBytes / 1_000_000)
        } catch {
            benchmark.error("building the index failed: \(error)")
        }
    }

    let next = QueryMix()
    Benchmark("query \(reports) reports: 2-, 3- and 4+-character terms, top 10",
              configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds,
                                   maxDuration: .seconds(20), maxIterations: 3_000),
              closure: { _, index in
        blackHole(try? index.search(SearchRequest(query: next.query(), limit: 10)))
    }, setup: {
        try CorpusIndex.opened(reports: reports)
    })
}

/// The fixed query mix, taken in turn: common and rare terms of each length, some inside longer
/// words (冬奥 in 冬奥会), one across a word boundary (量发), one found nowhere.
final class QueryMix: @unchecked Sendable {
    static let terms = [
        "冬奥", "生态", "发展", "量发", "水库", "海淀",
        "门头沟", "永定河", "金海湖", "新能源", "冬奥会", "农业园",
        "密云水库", "高质量发展", "农业中关村", "生态涵养区", "一般公共预算收入", "鲸鱼潜艇",
    ]
    private var position = 0
    func query() -> String {
        defer { position += 1 }
        return Self.terms[position % Self.terms.count]
    }
}

/// The benchmark corpus's index file, kept in Benchmarks/.build between runs so the query
/// benchmark does not rebuild it.
enum CorpusIndex {
    struct Built {
        var textBytes: Int
        var indexBytes: Int
        var seconds: Double
    }

    static func path(reports: Int) -> URL {
        BenchmarkCorpus.repository.appendingPathComponent("Benchmarks/.build/search-benchmark/index-\(reports).sqlite")
    }

    /// A fresh index of `reports` variants. Only the `index` calls are timed, not making the variants.
    static func build(reports: Int) throws -> Built {
        let file = path(reports: reports)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        let variants = ReportVariants(bases: try BenchmarkCorpus.documents())
        var textBytes = 0
        var elapsed = Duration.zero
        do {
            let index = try SearchIndex(path: file.path)
            for number in 0..<reports {
                let document = variants.variant(number)
                textBytes += document.paragraphs.reduce(0) { $0 + $1.utf8.count }
                let start = ContinuousClock.now
                _ = try index.index(reportId: String(format: "variant-%05d", number), file: "variant-\(number).txt", document: document)
                elapsed += ContinuousClock.now - start
            }
        }
        // The last connection closed: SQLite checkpointed the WAL into the file and removed it.
        let sizes = ["", "-wal"].map { suffix -> Int in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path + suffix)
            return (attributes?[.size] as? Int) ?? 0
        }
        return Built(textBytes: textBytes, indexBytes: sizes.reduce(0, +), seconds: elapsed / .seconds(1))
    }

    /// The index with whole-word ranking, built first when missing or of another size.
    static func opened(reports: Int) throws -> SearchIndex {
        let file = path(reports: reports)
        if try !isComplete(file, reports: reports) { _ = try build(reports: reports) }
        return try SearchIndex(path: file.path, domainDictionary: BenchmarkCorpus.domainDictionary)
    }

    /// Whether the file holds `reports` reports at the current schema; closed again before returning.
    private static func isComplete(_ file: URL, reports: Int) throws -> Bool {
        guard FileManager.default.fileExists(atPath: file.path) else { return false }
        let existing = try SearchIndex(path: file.path)
        guard existing.schemaState == .current else { return false }
        return try existing.count() == reports
    }
}
