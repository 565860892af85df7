import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

final class RankingAndSnippetTests: XCTestCase {
    /// 000 and 001 are the same 延庆 report (from a PDF, and scraped from the web): once their
    /// paragraphs are rebuilt they mention 冬奥 in as many paragraphs, so both lead, in either order.
    func testReportsMentioningTheTermMostComeFirst() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let hits = try index.search(SearchRequest(query: "冬奥")).hits
        let mentions = Dictionary(uniqueKeysWithValues: reports.map { report in
            (report.id, report.document.paragraphs.filter { $0.contains("冬奥") }.count)
        })
        let most = try XCTUnwrap(mentions.values.max())
        let leaders = Set(mentions.filter { $0.value == most }.keys)
        XCTAssertEqual(Set(hits.prefix(leaders.count).map(\.reportId)), leaders)
        for leader in reports where leaders.contains(leader.id) {
            XCTAssertTrue(try XCTUnwrap(leader.document.title).contains("延庆"), leader.id)
        }
        XCTAssertEqual(hits.count, mentions.values.filter { $0 > 0 }.count)
        XCTAssertTrue(hits.allSatisfy { $0.score > 0 })
        XCTAssertEqual(hits.map(\.score), hits.map(\.score).sorted(by: >))
    }

    func testLimitKeepsTheBestReports() throws {
        let (index, _) = try makeCorpusIndex(self)
        let all = try index.search(SearchRequest(query: "冬奥", limit: 10)).hits
        let two = try index.search(SearchRequest(query: "冬奥", limit: 2)).hits
        XCTAssertEqual(two, Array(all.prefix(2)))
        XCTAssertEqual(try index.search(SearchRequest(query: "冬奥", limit: 0)).hits, [])
    }

    func testHitCarriesReportFieldsSectionAndAReadableSnippet() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let hit = try XCTUnwrap(index.search(SearchRequest(query: "门头沟")).hits.first)
        let report = try XCTUnwrap(reports.first { $0.id == hit.reportId })
        XCTAssertEqual(hit.file, report.file)
        XCTAssertEqual(hit.title, report.document.title)
        XCTAssertEqual(hit.year, 2023)
        XCTAssertTrue(hit.snippet.contains("【门头沟】"), hit.snippet)
        let paragraph = try XCTUnwrap(paragraphIndex(of: hit.snippet, in: report.document), "snippet is paragraph text")
        XCTAssertEqual(hit.section, innermostSectionTitle(around: paragraph, in: report.document))
    }

    /// The best paragraph for 永定河 lies inside a numbered sub-section, so the hit must name
    /// that sub-section rather than nothing or its parent.
    func testHitNamesTheInnermostSectionAroundItsSnippet() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let hit = try XCTUnwrap(index.search(SearchRequest(query: "永定河")).hits.first)
        let document = try XCTUnwrap(reports.first { $0.id == hit.reportId }).document
        let paragraph = try XCTUnwrap(paragraphIndex(of: hit.snippet, in: document), "snippet is paragraph text")
        let expected = try XCTUnwrap(innermostSectionTitle(around: paragraph, in: document), hit.snippet)
        XCTAssertEqual(hit.section, expected)
    }

    func testSnippetCutsAroundTheEarliestMatchIgnoringWidthCaseAndSpaces() {
        let paragraph = String(repeating: "前", count: 40) + "全区ＰＭ２.５浓度下降，2022 年完成" + String(repeating: "后", count: 40)
        let snippet = SnippetBuilder.snippet(of: paragraph, terms: [.init(text: "2022年"), .init(text: "pm2.5")])
        XCTAssertEqual(snippet, "…" + String(repeating: "前", count: 28) + "全区【ＰＭ２.５】浓度下降，2022 年完成"
                       + String(repeating: "后", count: 17) + "…")
        XCTAssertEqual(SnippetBuilder.snippet(of: "短段落含关键词", terms: [.init(text: "关键")]), "短段落含【关键】词")
    }

    /// The paragraph the snippet was cut from, once the 【】 marks and … ellipses are taken off.
    private func paragraphIndex(of snippet: String, in document: ParsedDocument) -> Int? {
        let plain = snippet.replacingOccurrences(of: "【", with: "").replacingOccurrences(of: "】", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "…"))
        return document.paragraphs.firstIndex { $0.contains(plain) }
    }

    /// Worked out from the parser's outline: the deepest section whose paragraphs include `paragraph`.
    private func innermostSectionTitle(around paragraph: Int, in document: ParsedDocument) -> String? {
        document.allSections.last { ($0.paragraphIndex..<($0.paragraphIndex + $0.paragraphCount)).contains(paragraph) }?.title
    }

    func testSectionIsTheInnermostHeadingAroundTheParagraph() {
        let document = ParsedDocument(
            encoding: "utf-8", paragraphs: ["标题", "一、回顾", "正文", "（一）经济", "经济正文", "二、计划", "计划正文"],
            sections: [
                Section(number: "一、", title: "回顾", level: 1, paragraphIndex: 1, paragraphCount: 4, children: [
                    Section(number: "（一）", title: "经济", level: 2, paragraphIndex: 3, paragraphCount: 2),
                ]),
                Section(number: "二、", title: "计划", level: 1, paragraphIndex: 5, paragraphCount: 2),
            ],
            indicators: [], parserVersion: "test")
        let places = SectionTitles.perParagraph(of: document)
        XCTAssertEqual(places.map(\.section), [nil, "回顾", "回顾", "经济", "经济", "计划", "计划"])
        XCTAssertEqual(places.map(\.topSection), [nil, "回顾", "回顾", "回顾", "回顾", "计划", "计划"])
    }
}
