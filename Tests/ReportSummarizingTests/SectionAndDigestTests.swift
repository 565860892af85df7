import ChineseText
import Foundation
import ReportProtocol
import XCTest
@testable import ReportSummarizing
import TestSupport

/// The per-section sentences, the indicator digest and the corpus document frequencies.
final class SectionAndDigestTests: XCTestCase {
    private static let samples = ["000", "001", "002", "003", "004"]

    func testEachTopLevelSectionGetsOneOfItsOwnWholeSentences() throws {
        let summarizer = try SummarizerSampleTests.shared.get()
        for number in Self.samples {
            let document = try Corpus.document(number)
            let sections = try XCTUnwrap(summarizer.summarize(document).sectionSummaries, number)
            XCTAssertEqual(sections.map(\.title), document.sections.map(\.title), number)
            for (summary, section) in zip(sections, document.sections) {
                let sentence = try XCTUnwrap(summary.sentence, "\(number) \(section.title)")
                let range = section.paragraphIndex..<(section.paragraphIndex + section.paragraphCount)
                let own = document.paragraphs[range].flatMap { SentenceSplitter.wholeSentences(of: $0) }
                XCTAssertTrue(own.contains(sentence), "\(number) \(section.title): \(sentence)")
            }
        }
    }

    func testTheDigestHoldsTheFirstActualAndTargetOfEachIndicator() throws {
        let summarizer = try SummarizerSampleTests.shared.get()
        for number in Self.samples {
            let document = try Corpus.document(number)
            let digest = try XCTUnwrap(summarizer.summarize(document).indicatorDigest, number)
            XCTAssertFalse(digest.isEmpty, number)
            let kinds = digest.map(\.kind)
            XCTAssertEqual(kinds, kinds.sorted { $0 == .actual && $1 == .target }, "\(number): actuals first")
            for entry in digest {
                XCTAssertEqual(entry, document.indicators.first { $0.name == entry.name && $0.kind == entry.kind }, number)
                XCTAssertEqual(digest.filter { $0.name == entry.name && $0.kind == entry.kind }.count, 1, number)
            }
            let gdp = digest.filter { $0.name == "地区生产总值" }
            XCTAssertEqual(gdp.map(\.kind), [.actual, .target], number)
        }
        let mentougou = try XCTUnwrap(summarizer.summarize(try Corpus.document("003")).indicatorDigest)
        XCTAssertEqual(mentougou.first { $0.name == "地区生产总值" }?.value, 275)
    }

    /// 2020's national report set no GDP growth target: the digest says so rather than
    /// leaving the target out, and a range travels whole.
    func testTheDigestKeepsATargetStatedAsNoneAndARangesHighEnd() {
        var document = ParsedDocument(reviewYear: 2019, planYear: 2020, encoding: "utf-8", paragraphs: [], sections: [],
                                      indicators: [], parserVersion: "test")
        var actual = Indicator(name: "地区生产总值", kind: .actual, growthPct: 6, qualifier: .range, year: 2019, evidence: "增长6%—6.5%")
        actual.growthPctHigh = 6.5
        actual.headline = true
        var none = Indicator(name: "地区生产总值", kind: .target, year: 2020, evidence: "我们没有提出全年经济增速具体目标")
        none.notStated = true
        none.headline = true
        var energy = Indicator(name: "单位国内生产总值能耗", kind: .target, year: 2020, evidence: "单位国内生产总值能耗继续下降")
        energy.direction = .down
        energy.headline = false
        document.indicators = [actual, none, energy]
        XCTAssertEqual(IndicatorDigest.headline(of: document), [actual, none])
    }

    func testTheDocumentFrequencyTableCountsDocumentsAndRoundTrips() throws {
        let table = DocumentFrequencyTable(documentTerms: [["冬奥", "冬奥", "生态"], ["生态", "永定河"]])
        XCTAssertEqual(table.documents, 2)
        XCTAssertEqual(table.count(of: "冬奥"), 1)
        XCTAssertEqual(table.count(of: "生态"), 2)
        XCTAssertEqual(table.weight("生态"), 1, accuracy: 1e-12)
        XCTAssertGreaterThan(table.weight("冬奥"), table.weight("生态"))
        XCTAssertGreaterThan(table.weight("未见"), table.weight("冬奥"))

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("df-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try table.serialized(comment: "test\ntable").write(to: url, atomically: true, encoding: .utf8)
        let read = try DocumentFrequencyTable(contentsOf: url)
        XCTAssertEqual(read.documents, 2)
        for term in ["冬奥", "生态", "永定河", "未见"] { XCTAssertEqual(read.count(of: term), table.count(of: term)) }
    }

    func testADocumentFrequencyFileWithoutItsDocumentCountIsAnError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("df-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try "冬奥 1\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DocumentFrequencyTable(contentsOf: url)) { error in
            XCTAssertEqual(error as? SummarizerError,
                           .malformedLine(path: url.path, line: 1, reason: "no `@documents N` line with N > 0"))
        }
    }

    /// The shipped table: words every district's report uses (乡镇, 生态涵养区 in these four) weigh
    /// least, and 延庆's own themes outrank them among its keywords. A theme head counts in every
    /// report that writes one of its compounds: each district mentions 冬奥会 at least once.
    func testGenreWordsRankBelowAReportsOwnThemes() throws {
        let summarizer = try SummarizerSampleTests.shared.get()
        let corpus = try XCTUnwrap(summarizer.corpus)
        XCTAssertEqual(corpus.count(of: "冬奥"), corpus.documents)
        XCTAssertEqual(corpus.count(of: "生态涵养"), corpus.documents)
        XCTAssertEqual(corpus.count(of: "乡镇"), corpus.documents)
        let terms = summarizer.summarize(try Corpus.document("000")).keywords.map(\.term)
        for theme in ["冬奥", "世园", "八达岭", "京张"] {
            XCTAssertTrue(terms.contains(theme), "\(theme) not in \(terms)")
        }
        for generic in ["乡镇", "园区"] {
            if let place = terms.firstIndex(of: generic) {
                XCTAssertGreaterThan(place, terms.firstIndex(of: "世园")!, "\(generic) above 世园 in \(terms)")
            }
        }
        for stock in ["建设", "发展", "推进", "工作", "全面"] { XCTAssertFalse(terms.contains(stock), stock) }
    }
}
