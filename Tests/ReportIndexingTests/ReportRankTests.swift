import Foundation
import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// `report_rank` against BM25 computed here from the samples' text: occurrences counted by
/// substring search, lengths in characters as `index` reported them, IDF over the indexed reports.
final class ReportRankTests: XCTestCase {
    private struct IndexedReport {
        let id: String
        let paragraphs: [String]
        let characters: Int
    }

    private func indexCorpus(into index: SearchIndex) throws -> [IndexedReport] {
        try Corpus.reports().map { report in
            let result = try index.index(reportId: report.id, file: report.file, document: report.document)
            return IndexedReport(id: report.id, paragraphs: report.document.paragraphs, characters: result.characters)
        }
    }

    /// Occurrences of `term` in the paragraphs, overlapping ones included, as FTS5 counts phrase instances.
    private static func occurrences(of term: String, in paragraphs: [String]) -> Int {
        let needle = Array(term.unicodeScalars)
        return paragraphs.reduce(0) { total, paragraph in
            let text = Array(paragraph.unicodeScalars)
            guard text.count >= needle.count else { return total }
            return total + (0...(text.count - needle.count)).filter { Array(text[$0..<$0 + needle.count]) == needle }.count
        }
    }

    /// BM25 of each report holding any of `terms` (k1 = 1.2, b = 0.75, FTS5's IDF).
    private static func expectedScores(_ terms: [String], in reports: [IndexedReport]) -> [String: Double] {
        let bm25 = BM25(averageLength: Double(reports.map(\.characters).reduce(0, +)) / Double(reports.count))
        var scores: [String: Double] = [:]
        for term in terms {
            let holding = reports.filter { occurrences(of: term, in: $0.paragraphs) > 0 }.count
            let idf = BM25.reportIDF(documents: reports.count, holding: holding)
            for report in reports {
                let frequency = occurrences(of: term, in: report.paragraphs)
                guard frequency > 0 else { continue }
                scores[report.id, default: 0] += idf * bm25.termWeight(frequency: Double(frequency), length: Double(report.characters))
            }
        }
        return scores
    }

    private func assertScores(_ hits: [SearchHit], equal expected: [String: Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(hits.map(\.reportId)), Set(expected.keys), file: file, line: line)
        for hit in hits {
            let want = expected[hit.reportId] ?? .nan
            XCTAssertEqual(hit.score, want, accuracy: abs(want) * 1e-9, hit.reportId, file: file, line: line)
        }
    }

    func testOneTermScoresAreBM25OverReportLengthsInCharacters() throws {
        let index = try SearchIndex(path: makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        let reports = try indexCorpus(into: index)
        for term in ["金海湖", "妙峰山", "长城", "冬奥"] {
            let hits = try index.search(SearchRequest(query: term, limit: 10)).hits
            assertScores(hits, equal: Self.expectedScores([term], in: reports))
        }
    }

    /// Several phrases, or a filter, mean each phrase's reports are counted by their own pass
    /// instead of from the rows scored: the scores must not differ.
    func testSeveralPhrasesAndFilteredQueriesScoreTheSameWay() throws {
        let index = try SearchIndex(path: makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        let reports = try indexCorpus(into: index)
        let either = try index.search(SearchRequest(query: "金海湖 OR 妙峰山", limit: 10)).hits
        assertScores(either, equal: Self.expectedScores(["金海湖", "妙峰山"], in: reports))

        let unfiltered = try index.search(SearchRequest(query: "长城", limit: 10)).hits
        let filtered = try index.search(SearchRequest(query: "长城", limit: 10, region: "延庆")).hits
        XCTAssertFalse(filtered.isEmpty)
        for hit in filtered {
            let same = try XCTUnwrap(unfiltered.first { $0.reportId == hit.reportId })
            XCTAssertEqual(hit.score, same.score, accuracy: same.score * 1e-9)
        }
    }

    /// The worker's path: whole-word re-ranking, so SQLite keeps only the leading
    /// `rerankDepth(limit)` rows, and one phrase, so the IDF is applied after scoring. With more
    /// matching reports than that depth, each hit's score must still be BM25 times a whole-word
    /// factor, and every hit must come from the BM25 leaders the walk may look at.
    func testTheWorkersPathScoresTheSameWhenMoreReportsMatchThanItReads() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        let index = try SearchIndex(path: path, domainDictionary: Repository.config.appendingPathComponent("dict/domain.txt"))
        var reports = try indexCorpus(into: index)
        let term = "长城"
        // Shortened copies, each keeping the paragraphs with the term: 50 reports, all matching.
        for report in try Corpus.reports() {
            for copy in 1...9 {
                var document = report.document
                document.paragraphs = Array(document.paragraphs.prefix(5 * copy)) + document.paragraphs.filter { $0.contains(term) }
                document.sections = []
                let id = "\(report.id)-copy\(copy)"
                let result = try index.index(reportId: id, file: "\(id).txt", document: document)
                reports.append(IndexedReport(id: id, paragraphs: document.paragraphs, characters: result.characters))
            }
        }
        let expected = Self.expectedScores([term], in: reports)
        XCTAssertEqual(expected.count, 50)
        let limit = 10
        XCTAssertLessThan(SearchIndex.rerankDepth(limit), expected.count, "the query must read fewer rows than match")

        let hits = try index.search(SearchRequest(query: term, limit: limit)).hits
        XCTAssertEqual(hits.count, limit)
        let leaders = Set(expected.sorted { $0.value > $1.value }.prefix(SearchIndex.rerankDepth(limit)).map(\.key))
        for hit in hits {
            let bm25 = try XCTUnwrap(expected[hit.reportId])
            let factor = hit.score / bm25
            XCTAssertTrue([1.0, 1.25, 1.5].contains { abs(factor - $0) < 1e-9 }, "\(hit.reportId): score ÷ BM25 = \(factor)")
            XCTAssertTrue(leaders.contains(hit.reportId), "\(hit.reportId) is not among the BM25 leaders")
        }
    }

    /// The searcher keeps report lengths between queries; a report indexed through another
    /// connection (as by the indexer process) must be ranked with its own length next time.
    func testAReportIndexedByAnotherConnectionIsRankedAtTheNextSearch() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        let searcher = try SearchIndex(path: path)
        var reports = try indexCorpus(into: searcher)
        _ = try searcher.search(SearchRequest(query: "金海湖", limit: 10))

        let writer = try SearchIndex(path: path)
        let copied = try XCTUnwrap(Corpus.reports().first { $0.document.paragraphs.contains { $0.contains("金海湖") } })
        // A shorter report than any sample, holding the term as often as the original.
        let shortened = Array(copied.document.paragraphs.prefix(20)) + copied.document.paragraphs.filter { $0.contains("金海湖") }
        var document = copied.document
        document.paragraphs = shortened
        document.sections = []
        let result = try writer.index(reportId: "copy", file: "copy.txt", document: document)
        reports.append(IndexedReport(id: "copy", paragraphs: shortened, characters: result.characters))

        let hits = try searcher.search(SearchRequest(query: "金海湖", limit: 10)).hits
        XCTAssertEqual(hits.first?.reportId, "copy", "the shorter report ranks first")
        assertScores(hits, equal: Self.expectedScores(["金海湖"], in: reports))
    }

    /// Lengths are read again only for reports added since the last search, unless one was
    /// removed: a report re-indexed shorter (its old row removed, the new one perhaps on the
    /// freed id) or removed by another connection must be ranked with what the index now holds.
    func testAReportReindexedOrRemovedByAnotherConnectionIsRankedWithItsNewLength() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        let searcher = try SearchIndex(path: path)
        var reports = try indexCorpus(into: searcher)
        _ = try searcher.search(SearchRequest(query: "长城", limit: 10))

        let writer = try SearchIndex(path: path)
        // The last report indexed holds the highest id, which its new row may take again.
        let last = try XCTUnwrap(Corpus.reports().last)
        var document = last.document
        document.paragraphs = Array(document.paragraphs.prefix(10)) + document.paragraphs.filter { $0.contains("长城") }
        document.sections = []
        let result = try writer.index(reportId: last.id, file: last.file, document: document)
        reports[reports.count - 1] = IndexedReport(id: last.id, paragraphs: document.paragraphs, characters: result.characters)
        assertScores(try searcher.search(SearchRequest(query: "长城", limit: 10)).hits, equal: Self.expectedScores(["长城"], in: reports))

        try writer.remove(reportId: reports[0].id)
        reports.removeFirst()
        assertScores(try searcher.search(SearchRequest(query: "长城", limit: 10)).hits, equal: Self.expectedScores(["长城"], in: reports))
    }
}
