import Foundation
import ReportIndexing

/// The benchmark corpus's index file, kept in Benchmarks/.build between runs so the query
/// benchmarks (and analysis_bench's `trend`, through `VariantIndex`) do not rebuild it.
public enum CorpusIndex {
    public struct Built {
        var textBytes: Int
        var indexBytes: Int
        var seconds: Double
        /// CPU time of the thread making the `index` calls (GRDB runs them on it).
        var cpuMilliseconds: Double
        var reports: Int

        public var summary: String {
            String(format: "built %d reports, %.0f MB of paragraph text, in %.1f s of index calls: %.2f MB/s, %.2f ms (CPU %.2f ms) per report; index %.0f MB = %.2f× the text",
                   reports, Double(textBytes) / 1e6, seconds, Double(textBytes) / 1e6 / seconds, 1000 * seconds / Double(reports),
                   cpuMilliseconds / Double(reports), Double(indexBytes) / 1e6, Double(indexBytes) / Double(textBytes))
        }

        /// The same figures, one line each, for bench/text_bench.py.
        public func emitFigures() {
            BenchmarkFigures.emit("index.reports", Double(reports))
            BenchmarkFigures.emit("index.text_mb", Double(textBytes) / 1e6)
            BenchmarkFigures.emit("index.size_mb", Double(indexBytes) / 1e6)
            BenchmarkFigures.emit("index.size_ratio", Double(indexBytes) / Double(textBytes))
            BenchmarkFigures.emit("index.seconds", seconds)
            BenchmarkFigures.emit("index.mb_per_s", Double(textBytes) / 1e6 / seconds)
            BenchmarkFigures.emit("index.cpu_ms_per_report", cpuMilliseconds / Double(reports))
        }
    }

    public static func path(reports: Int) -> URL {
        BenchmarkCorpus.repository.appendingPathComponent("Benchmarks/.build/search-benchmark/index-\(reports).sqlite")
    }

    /// A fresh index of `reports` variants. Only the `index` calls are timed, not making the variants.
    /// `progress` hears every 10,000th report: 100,000 take some 25 minutes.
    public static func build(reports: Int, progress: (Int) -> Void = { _ in }) throws -> Built {
        let file = path(reports: reports)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        let variants = ReportVariants(bases: try BenchmarkCorpus.documents())
        var textBytes = 0
        var elapsed = Duration.zero
        var cpu = 0.0
        do {
            let index = try SearchIndex(path: file.path)
            for number in 0..<reports {
                let document = variants.variant(number)
                textBytes += document.paragraphs.reduce(0) { $0 + $1.utf8.count }
                let start = ContinuousClock.now
                let startCPU = threadCPUMicroseconds()
                _ = try index.index(reportId: String(format: "variant-%05d", number), file: "variant-\(number).txt", document: document)
                elapsed += ContinuousClock.now - start
                cpu += Double(threadCPUMicroseconds() - startCPU) / 1000
                if (number + 1) % 10_000 == 0 { progress(number + 1) }
            }
        }
        // The last connection closed: SQLite checkpointed the WAL into the file and removed it.
        let sizes = ["", "-wal"].map { suffix -> Int in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path + suffix)
            return (attributes?[.size] as? Int) ?? 0
        }
        return Built(textBytes: textBytes, indexBytes: sizes.reduce(0, +), seconds: elapsed / .seconds(1), cpuMilliseconds: cpu, reports: reports)
    }

    /// The index's file, built first when missing or of another size.
    public static func ensured(reports: Int, progress: (Int) -> Void = { _ in }) throws -> URL {
        let file = path(reports: reports)
        if try !isComplete(file, reports: reports) { _ = try build(reports: reports, progress: progress) }
        return file
    }

    /// The index with whole-word ranking, built first when missing or of another size.
    public static func opened(reports: Int) throws -> SearchIndex {
        let file = try ensured(reports: reports)
        let index = try SearchIndex(path: file.path, domainDictionary: BenchmarkCorpus.domainDictionary)
        // REPORTD_BENCH_OPTIMIZE=1 merges the index's segments first, to compare query figures.
        if ProcessInfo.processInfo.environment["REPORTD_BENCH_OPTIMIZE"] == "1" {
            let start = ContinuousClock.now
            try index.optimize()
            FileHandle.standardError.write(Data("optimized the index in \(ContinuousClock.now - start)\n".utf8))
        }
        return index
    }

    /// Whether the file holds `reports` reports at the current schema (an ingestion benchmark
    /// removes its own); closed again before returning.
    private static func isComplete(_ file: URL, reports: Int) throws -> Bool {
        guard FileManager.default.fileExists(atPath: file.path) else { return false }
        let existing = try SearchIndex(path: file.path)
        guard existing.schemaState == .current else { return false }
        return try existing.count() == reports
    }
}
