import ReportProtocol
import WebPages
import XCTest

/// Where the report page highlights each extracted figure.
final class FigureLocatorTests: XCTestCase {
    private let paragraphs = [
        "一、2022年工作回顾",
        "全区地区生产总值完成275亿元，增长1.5%；一般公共预算收入完成20.1亿元。",
        "2023年地区生产总值增长4%左右。",
    ]

    private func indicator(_ name: String, _ kind: Indicator.Kind, value: Double? = nil, unit: String? = nil,
                           growth: Double? = nil, evidence: String) -> Indicator {
        Indicator(name: name, kind: kind, value: value, unit: unit, growthPct: growth, evidence: evidence)
    }

    func testTheFigureFromTheNumberAfterTheNameThroughItsGrowthIsMarked() {
        let gdp = indicator("地区生产总值", .actual, value: 275, unit: "亿元", growth: 1.5,
                            evidence: "全区地区生产总值完成275亿元，增长1.5%；")
        let revenue = indicator("一般公共预算收入", .actual, value: 20.1, unit: "亿元",
                                evidence: "一般公共预算收入完成20.1亿元。")
        let target = indicator("地区生产总值", .target, growth: 4, evidence: "2023年地区生产总值增长4%左右。")
        let locator = FigureLocator(paragraphs: paragraphs, indicators: [gdp, revenue, target])
        let marked = (locator.marks[1] ?? []).map { mark in
            String(Array(paragraphs[1])[mark.range])
        }
        XCTAssertEqual(marked, ["275亿元，增长1.5%", "20.1亿元"])
        XCTAssertEqual((locator.marks[2] ?? []).map { String(Array(paragraphs[2])[$0.range]) }, ["4%"])
        XCTAssertEqual(locator.anchorOf, [0: 0, 1: 1, 2: 2])
    }

    func testTwoIndicatorsOfOnePhraseShareOneHighlight() {
        let value = indicator("地区生产总值", .actual, value: 275, unit: "亿元", evidence: "全区地区生产总值完成275亿元，增长1.5%；")
        let growth = indicator("地区生产总值", .actual, value: 275, unit: "亿元", growth: 1.5, evidence: "全区地区生产总值完成275亿元，增长1.5%；")
        let locator = FigureLocator(paragraphs: paragraphs, indicators: [value, growth])
        XCTAssertEqual(locator.marks[1]?.count, 1)
        XCTAssertEqual(locator.anchorOf[1], 0, "the second indicator links to the shared highlight")
    }

    func testAnIndicatorWhoseSentenceIsNotInTheTextHasNoAnchor() {
        let locator = FigureLocator(paragraphs: paragraphs, indicators: [indicator("x", .actual, value: 1, evidence: "不在正文里的句子。")])
        XCTAssertNil(locator.anchorOf[0])
        XCTAssertTrue(locator.marks.isEmpty)
    }

    func testTheReportPageLinksEachFigureToItsTableRowAndBack() {
        let gdp = indicator("地区生产总值", .actual, value: 275, unit: "亿元", growth: 1.5, evidence: "全区地区生产总值完成275亿元，增长1.5%；")
        let document = ParsedDocument(title: "门头沟区政府工作报告", encoding: "utf-8", paragraphs: paragraphs,
                                      sections: [Section(number: "一、", title: "2022年工作回顾", level: 1, paragraphIndex: 0, paragraphCount: 3)],
                                      indicators: [gdp], parserVersion: "test")
        let page = ReportPage.render(ReportView(reportId: String(repeating: "b", count: 64), file: "003.txt", state: "done",
                                                attempts: 0, receivedAt: "2026-12-06T00:00:00.000Z", document: document),
                                     terms: ["生产"], near: "全区地区【生产】总值完成…")
        XCTAssertTrue(page.contains("<a class=\"fig\" id=\"fig-0\" href=\"#ind-0\">275亿元，增长1.5%</a>"), page)
        XCTAssertTrue(page.contains("<tr id=\"ind-0\" class=\"actual\"><td><a href=\"#fig-0\">地区生产总值</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"#p-0\">一、 2022年工作回顾</a>"), "the section tree links to its heading")
        XCTAssertTrue(page.contains("<div id=\"hit\" class=\"hit\"><p id=\"p-1\""), "the search hit's paragraph is the anchor")
        XCTAssertTrue(page.contains("<mark class=\"term\">生产</mark>"))
    }
}
