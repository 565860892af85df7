import BenchmarkSupport
import Foundation
import ReportIndexing

/// Another thread indexing report variants into the benchmark's index as fast as it can, while
/// queries run: the issue-7 "search under ingestion" case. It re-indexes a fixed set of ids
/// beyond the corpus (delete + insert each time, as a retried or updated report would), so
/// the index stays the corpus plus `ids` reports, and removes them when stopped.
final class IngestionLoad: @unchecked Sendable {
    static let ids = 200
    private let path: String
    private let firstVariant: Int
    private let lock = NSLock()
    private var stopping = false
    private var indexed = 0
    private var failure: (any Error)?
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    private var started = ContinuousClock.now

    init(path: String, firstVariant: Int) {
        self.path = path
        self.firstVariant = firstVariant
    }

    func start() throws {
        let bases = try BenchmarkCorpus.documents()
        let writer = try SearchIndex(path: path)
        started = ContinuousClock.now
        let thread = Thread { [self] in
            defer { finished.signal() }
            let variants = ReportVariants(bases: bases)
            var number = 0
            while !lock.withLock({ stopping }) {
                let variant = firstVariant + number % Self.ids
                do {
                    _ = try writer.index(reportId: Self.reportId(variant), file: "variant-\(variant).txt",
                                         document: variants.variant(variant))
                } catch {
                    lock.withLock { failure = error }
                    return
                }
                number += 1
                lock.withLock { indexed += 1 }
            }
        }
        self.thread = thread
        thread.start()
    }

    /// Stops the writer, removes its reports, and says how fast it indexed meanwhile.
    func stop() throws -> String {
        lock.withLock { stopping = true }
        finished.wait()
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        if let failure = lock.withLock({ failure }) { throw failure }
        let index = try SearchIndex(path: path)
        for offset in 0..<Self.ids { try index.remove(reportId: Self.reportId(firstVariant + offset)) }
        let count = lock.withLock { indexed }
        BenchmarkFigures.emit("query.loaded.ingest_reports_per_s", Double(count) / seconds)
        return String(format: "%d reports indexed meanwhile (%.1f reports/s)", count, Double(count) / seconds)
    }

    private static func reportId(_ variant: Int) -> String { String(format: "ingest-%05d", variant) }
}
