import Foundation
import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// Whole-word ranking, the region/year/section filters, and queries in traditional script.
final class WordMatchAndFilterTests: XCTestCase {
    static let domainDictionary = Repository.config.appendingPathComponent("dict/domain.txt")

    private func index(segmented: Bool) throws -> SearchIndex {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        return segmented ? try SearchIndex(path: path, domainDictionary: Self.domainDictionary) : try SearchIndex(path: path)
    }

    private static func document(_ paragraphs: [String], region: String? = nil, planYear: Int? = nil,
                                 sections: [Section] = []) -> ParsedDocument {
        ParsedDocument(region: region, planYear: planYear, encoding: "utf-8", paragraphs: paragraphs,
                       sections: sections, indicators: [], parserVersion: "test")
    }

    /// Paragraphs of the same length score the same BM25; only the words around the match differ.
    /// 人民/热爱/和平 holds 和平 as a word, 共和/平台/建设 only across two words.
    func testAWholeWordMatchOutranksOneAcrossAWordBoundary() throws {
        for segmented in [false, true] {
            let index = try index(segmented: segmented)
            _ = try index.index(reportId: "a-across", file: "a.txt", document: Self.document(["共和平台建设"]))
            _ = try index.index(reportId: "b-whole", file: "b.txt", document: Self.document(["人民热爱和平"]))
            let hits = try index.search(SearchRequest(query: "和平")).hits
            XCTAssertEqual(hits.map(\.reportId), segmented ? ["b-whole", "a-across"] : ["a-across", "b-whole"])
            if segmented { XCTAssertEqual(hits[0].score / hits[1].score, 1.5, accuracy: 1e-9) }
        }
    }

    /// 冬奥/服务/保障 holds 冬奥 as a word; in 我们/的/冬奥会 it is part of a longer word, which ranks
    /// between a whole word and a match across words.
    func testAMatchInsideALongerWordRanksBetween() throws {
        let index = try index(segmented: true)
        _ = try index.index(reportId: "a-inside", file: "a.txt", document: Self.document(["我们的冬奥会"]))
        _ = try index.index(reportId: "b-whole", file: "b.txt", document: Self.document(["冬奥服务保障"]))
        let hits = try index.search(SearchRequest(query: "冬奥")).hits
        XCTAssertEqual(hits.map(\.reportId), ["b-whole", "a-inside"])
        XCTAssertEqual(hits[0].score / hits[1].score, WordMatch.wholeWords.boost / WordMatch.insideWord.boost, accuracy: 1e-9)
    }

    func testWordMatchClassifiesEveryOccurrenceAndKeepsTheBest() throws {
        let segmenter = try XCTUnwrap(try index(segmented: true).segmenter)
        let terms = { (text: String) in [SearchQuery.Term(text: text)] }
        XCTAssertEqual(WordMatch.best(of: terms("和平"), in: "共和平台建设", segmenter: segmenter), .acrossWords)
        XCTAssertEqual(WordMatch.best(of: terms("量发"), in: "全面推进高质量发展", segmenter: segmenter), .insideWord, "高质量发展 is one domain word")
        XCTAssertEqual(WordMatch.best(of: terms("冬奥"), in: "我们的冬奥会", segmenter: segmenter), .insideWord)
        XCTAssertEqual(WordMatch.best(of: terms("冬奥"), in: "我们的冬奥会，冬奥 服务", segmenter: segmenter), .wholeWords)
        XCTAssertEqual(WordMatch.best(of: terms("推进高质量发展"), in: "全面推进高质量发展", segmenter: segmenter), .wholeWords)
        XCTAssertNil(WordMatch.best(of: terms("延庆"), in: "全面推进高质量发展", segmenter: segmenter))
    }

    func testFiltersNarrowByRegionYearAndSection() throws {
        let index = try index(segmented: false)
        let outline = [
            Section(number: "一、", title: "2022年工作回顾", level: 1, paragraphIndex: 0, paragraphCount: 2),
            Section(number: "二、", title: "2023年重点任务", level: 1, paragraphIndex: 2, paragraphCount: 4, children: [
                Section(number: "（一）", title: "办好冬奥", level: 2, paragraphIndex: 3, paragraphCount: 3),
            ]),
        ]
        let text = ["一、2022年工作回顾", "生态环境持续改善。", "二、2023年重点任务", "（一）办好冬奥", "保护生态。", "其他。"]
        _ = try index.index(reportId: "yanqing-2023", file: "y23.txt",
                            document: Self.document(text, region: "北京市延庆区", planYear: 2023, sections: outline))
        _ = try index.index(reportId: "yanqing-2022", file: "y22.txt",
                            document: Self.document(["生态优先。"], region: "延庆区", planYear: 2022))
        _ = try index.index(reportId: "miyun-2023", file: "m23.txt",
                            document: Self.document(["生态保护。"], region: "密云区", planYear: 2023))

        func ids(_ request: SearchRequest) throws -> [String] { try index.search(request).hits.map(\.reportId).sorted() }
        XCTAssertEqual(try ids(SearchRequest(query: "生态", region: "延庆")), ["yanqing-2022", "yanqing-2023"])
        XCTAssertEqual(try ids(SearchRequest(query: "生态", region: "延庆区", year: 2023)), ["yanqing-2023"])
        XCTAssertEqual(try ids(SearchRequest(query: "生态", year: 2023)), ["miyun-2023", "yanqing-2023"])
        XCTAssertEqual(try ids(SearchRequest(query: "生态", region: "  ")), ["miyun-2023", "yanqing-2022", "yanqing-2023"])

        // 保护生态 lies in （一）办好冬奥 under 2023年重点任务: the top-level title and the inner one both select it.
        let inTasks = try index.search(SearchRequest(query: "生态", section: "重点任务")).hits
        XCTAssertEqual(inTasks.map(\.reportId), ["yanqing-2023"])
        XCTAssertEqual(inTasks.first?.snippet, "保护【生态】。")
        XCTAssertEqual(inTasks.first?.section, "办好冬奥")
        XCTAssertEqual(try ids(SearchRequest(query: "生态", section: "冬奥")), ["yanqing-2023"])
        XCTAssertEqual(try index.search(SearchRequest(query: "生态", section: "工作回顾")).hits.first?.snippet, "【生态】环境持续改善。")
        // The section narrows every term: 改善 is in the review only.
        XCTAssertEqual(try ids(SearchRequest(query: "生态 改善", section: "重点任务")), [])
        XCTAssertEqual(try ids(SearchRequest(query: "生态 -改善", section: "重点任务")), ["yanqing-2023"])
        // Filters in traditional script are converted like the query.
        XCTAssertEqual(try ids(SearchRequest(query: "生態", section: "重點任務")), ["yanqing-2023"])
    }

    func testATraditionalQueryFindsWhatItsSimplifiedFormFinds() throws {
        let (index, _) = try makeCorpusIndex(self)
        for (traditional, simplified) in [("門頭溝", "门头沟"), ("冬奧會", "冬奥会"), ("生態涵養", "生态涵养"), ("長城 OR 金海湖", "长城 OR 金海湖")] {
            let found = try index.search(SearchRequest(query: traditional, limit: 50)).hits
            let expected = try index.search(SearchRequest(query: simplified, limit: 50)).hits
            XCTAssertFalse(expected.isEmpty, simplified)
            XCTAssertEqual(Set(found.map(\.reportId)), Set(expected.map(\.reportId)), traditional)
            XCTAssertEqual(found.map(\.snippet), expected.map(\.snippet), traditional)
        }
        XCTAssertEqual(try index.reportIds("门头沟 -門頭溝"), [])
    }

    func testTraditionalTermsKeepTheirOwnSpellingToo() {
        let query = SearchQuery(parsing: "門頭溝 OR 平谷 -發展").withAlternatives { $0.replacingOccurrences(of: "門頭溝", with: "门头沟")
            .replacingOccurrences(of: "發展", with: "发展") }
        XCTAssertEqual(query.required, [[.init(text: "門頭溝"), .init(text: "门头沟"), .init(text: "平谷")]])
        XCTAssertEqual(query.excluded, [.init(text: "發展"), .init(text: "发展")])
    }
}
