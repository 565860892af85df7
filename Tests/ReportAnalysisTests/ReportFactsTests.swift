import Foundation
import XCTest
import ReportAnalysis
import ReportProtocol

/// What the analysis keeps of a parsed document.
final class ReportFactsTests: XCTestCase {
    private func document() -> ParsedDocument {
        var gdp = Indicator(name: "地区生产总值", kind: .actual, growthPct: 5.2, year: 2024, evidence: "预计全区地区生产总值增长5.2%左右。")
        gdp.estimated = true
        gdp.source = "review"
        gdp.headline = true
        // A level and a rate the parser joined from two paragraphs: found by its first sentence.
        var joined = Indicator(name: "一般公共预算收入", kind: .actual, value: 60, unit: "亿元", year: 2024,
                               evidence: "一般公共预算收入60亿元。同比增长3%。")
        joined.headline = true
        var d = ParsedDocument(title: "2025年政府工作报告", region: "延庆区", reviewYear: 2024, planYear: 2025,
                               speaker: nil, meetingDate: nil, encoding: "utf-8",
                               paragraphs: ["政府工作报告", "一、2024年工作回顾", "预计全区地区生产总值增长5.2%左右。", "一般公共预算收入60亿元。", "同比增长3%。"],
                               sections: [], indicators: [gdp, joined], parserVersion: "test")
        d.regionFull = "北京市延庆区"
        d.regionLevel = "district"
        return d
    }

    func testTheFactsKeepRegionYearsFlagsAndTheParagraphOfEachFigure() {
        let facts = ReportFacts(document: document(), reportId: "r1", receivedAt: Date(timeIntervalSince1970: 5), nearDuplicateOf: "r0")
        XCTAssertEqual(facts.region, RegionRef(name: "延庆区", fullName: "北京市延庆区", level: "district"))
        XCTAssertEqual(facts.reviewYear, 2024)
        XCTAssertEqual(facts.planYear, 2025)
        XCTAssertEqual(facts.nearDuplicateOf, "r0")
        XCTAssertEqual(facts.metadataFieldCount, 5, "title, region, two years and level; no speaker, date or session")
        XCTAssertEqual(facts.indicators.map(\.paragraph), [2, 3])
        XCTAssertEqual(facts.indicators.first?.estimated, true)
        XCTAssertEqual(facts.indicators.first?.key, "地区生产总值")
        XCTAssertEqual(facts.completeness.headlineIndicators, 2)
    }

    func testAStoreSuppliedRegionWithItsCodeOverridesTheDocuments() {
        let coded = RegionRef(code: "110119", name: "延庆区", fullName: "北京市延庆区", level: "district")
        XCTAssertEqual(ReportFacts(document: document(), reportId: "r1", receivedAt: .distantPast, region: coded).region, coded)
    }

    func testEveryNameOfGDPAndTheNationalListsSpellingsShareOneKey() {
        XCTAssertEqual(Set(["国内生产总值", "地区生产总值", "全省生产总值", "全市生产总值", "经济总量", "GDP"].map(IndicatorKey.of)), ["地区生产总值"])
        XCTAssertEqual(Set(["能耗强度", "单位国内生产总值能耗", "单位生产总值能耗"].map(IndicatorKey.of)), ["单位地区生产总值能耗"])
        XCTAssertEqual(IndicatorKey.of("居民收入"), "居民人均可支配收入")
        XCTAssertEqual(IndicatorKey.of("接待游客"), "接待游客")
    }
}
