import Foundation
import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// The headline figures and main targets of six complete real reports (Tests/Fixtures/real:
/// the State Council 2014–2018, Beijing and Shanghai 2025), written down by reading each text.
/// Every headline figure and every item of the main target list is listed, and nothing else
/// may appear: a figure the text does not state, or states of another year, is a failure.
final class RealReportFigureTests: XCTestCase {
    private func document(_ file: String) throws -> ParsedDocument {
        let url = Repository.fixtures.appendingPathComponent("real").appendingPathComponent(file)
        return try ReportParser().parse(bytes: Array(try Data(contentsOf: url)), fileName: file)
    }

    /// One line per figure: kind, name, value (with its bound), growth, qualifier, 预计,
    /// not stated, direction.
    private func figures(_ d: ParsedDocument) -> [String] {
        d.indicators.filter { $0.headline == true || $0.source == "target_list" }.map(Self.describe)
    }

    static func describe(_ i: Indicator) -> String {
        let number = { (x: Double) in x == x.rounded() ? String(Int(x)) : String(x) }
        var parts = [i.kind.rawValue, i.name]
        if let value = i.value {
            var v = number(value) + (i.valueHigh.map { "–" + number($0) } ?? "") + (i.unit ?? "")
            if let bound = i.valueQualifier { v += " value:" + bound.rawValue }
            parts.append(v)
        }
        if let growth = i.growthPct {
            parts.append((growth > 0 ? "+" : "") + number(growth) + (i.growthPctHigh.map { "–" + number($0) } ?? "") + "%")
        }
        if let qualifier = i.qualifier { parts.append(qualifier.rawValue) }
        if i.estimated == true { parts.append("estimated") }
        if i.notStated == true { parts.append("not_stated") }
        if let direction = i.direction { parts.append(direction.rawValue) }
        return parts.joined(separator: " ")
    }

    private func assertFigures(_ file: String, _ expected: [String], line: UInt = #line) throws {
        let d = try document(file)
        XCTAssertEqual(figures(d), expected, file, line: line)
        for i in d.indicators where i.headline == true {
            XCTAssertEqual(i.year, i.kind == .actual ? d.reviewYear : d.planYear, "\(file): \(Self.describe(i)) is of the report's year", line: line)
            XCTAssertNotNil(i.source, "\(file): \(i.name) says how it was found", line: line)
        }
    }

    func testNational2014ReadsGDPIn万亿元AndTheWholeTargetList() throws {
        try assertFigures("cn_national_2014.gbk.txt", [
            "actual 地区生产总值 56.9万亿元 +7.7%",
            "actual 居民消费价格涨幅 +2.6% under",
            "actual 城镇登记失业率 4.1%",
            "actual 城镇新增就业 1310万人",
            "actual 城镇居民人均可支配收入 +7%",
            "actual 粮食产量 1.2万亿斤 value:over over",
            "target 地区生产总值 +7.5% about",
            "target 居民消费价格涨幅 +3.5% about",
            "target 城镇新增就业 1000万人 value:over over",
            "target 城镇登记失业率 4.6% under",
            "target 居民收入 in_step",
        ])
    }

    func testNational2015ListGoesOnPastAFullStop() throws {
        try assertFigures("cn_national_2015.gbk.txt", [
            "actual 地区生产总值 63.6万亿元 +7.4%",
            "actual 城镇新增就业 1322万人",
            "actual 居民消费价格涨幅 +2%",
            "actual 粮食产量 6.07亿吨",
            "actual 一般公共预算收入 +8.6%",
            "actual 居民人均可支配收入 +8%",
            "actual 农村居民人均可支配收入 +9.2%",
            "target 地区生产总值 +7% about",
            "target 居民消费价格涨幅 +3% about",
            "target 城镇新增就业 1000万人 value:over over",
            "target 城镇登记失业率 4.5% under",
            "target 进出口 +6% about",
            "target 居民收入 in_step",
            "target 能耗强度 -3.1% over",
            "target 主要污染物排放 down",
            "target 粮食产量 5.5亿吨 value:over over",
        ])
    }

    /// 6.5%－7% is a range; the 十三五 goals (城镇新增就业5000万人以上, 届时经济总量超过90万亿元)
    /// and the 十二五 totals are not 2016's or 2015's figures.
    func testNational2016GrowthTargetIsARangeAndFiveYearGoalsStayOut() throws {
        try assertFigures("cn_national_2016.gbk.txt", [
            "actual 地区生产总值 67.7万亿元 +6.9%",
            "actual 城镇新增就业 1312万人",
            "actual 居民人均可支配收入 +7.4%",
            "actual 地区生产总值 60万亿元 value:over over",
            "target 地区生产总值 +6.5–7% range",
            "target 居民消费价格涨幅 +3% about",
            "target 城镇新增就业 1000万人 value:over over",
            "target 城镇登记失业率 4.5% under",
            "target 居民收入 in_step",
            "target 单位国内生产总值能耗 -3.4% over",
            "target 主要污染物排放 down",
        ])
    }

    /// The five-year review: its totals (城镇新增就业6600万人以上, 年均上涨1.9%) are no year's
    /// figure; the level the term came to (从54万亿元增加到82.7万亿元) is 2017's, joined with
    /// 2017's rate (国内生产总值增长6.9%) from a later paragraph of the same section.
    func testNational2018KeepsTheTermsTotalsOutOfTheYearsFigures() throws {
        try assertFigures("cn_national_2018.gbk.txt", [
            "actual 地区生产总值 82.7万亿元 +6.9%",
            "actual 城镇新增就业 1351万人",
            "target 地区生产总值 +6.5% about",
            "target 居民消费价格涨幅 +3% about",
            "target 城镇新增就业 1100万人 value:over over",
            "target 城镇调查失业率 5.5% under",
            "target 城镇登记失业率 4.5% under",
            "target 单位国内生产总值能耗 -3% over",
            "target 居民收入 in_step",
            "target 主要污染物排放量 down",
        ])
    }

    /// 预计 before the figures: all of the review's headline figures are estimates.
    func testBeijing2025MarksTheEstimatedFigures() throws {
        try assertFigures("beijing_2025.docx", [
            "actual 地区生产总值 +5.2% about estimated",
            "actual 一般公共预算收入 +3.1% estimated",
            "actual 城镇调查失业率 4.1% about estimated",
            "actual 居民人均可支配收入 +4.5% about estimated",
            "actual 居民消费价格涨幅 +0.1% estimated",
            "actual 农村居民人均可支配收入 +6.7% about",
            "actual 城镇新增就业 29.9万人",
            "target 地区生产总值 +5% about",
            "target 一般公共预算收入 +4% about",
            "target 城镇调查失业率 5% under",
            "target 居民消费价格涨幅 +2% about",
            "target 居民收入 in_step",
            "target 城镇新增就业 26万人 value:over over",
        ])
    }

    /// 全市生产总值增长5%，城市经济规模进入了5万亿元以上的新阶段: one figure, a rate and a lower bound.
    func testShanghai2025Reads全市生产总值AndJoinsItsLevel() throws {
        try assertFigures("shanghai_2025.docx", [
            "actual 地区生产总值 5万亿元 value:over +5%",
            "actual 一般公共预算收入 8374.2亿元 +0.7%",
            "actual 居民消费价格涨幅 0% same",
            "actual 城镇调查失业率 4.2%",
            "actual 居民人均可支配收入 8.8万元 +4.2%",
            "actual 城镇新增就业 62.2万人",
            "target 地区生产总值 +5% about",
            "target 一般公共预算收入 +2%",
            "target 城镇调查失业率 5% under",
            "target 居民消费价格涨幅 +2% about",
            "target 居民人均可支配收入 in_step",
            "target 单位生产总值能耗 down",
            "target 单位生产总值二氧化碳排放量 down",
            "target 城镇新增就业 60万人 value:over over",
        ])
    }

    func testTheMainTargetListSaysItIsTheSource() throws {
        let d = try document("cn_national_2016.gbk.txt")
        let gdp = try XCTUnwrap(d.indicators.first { $0.name == "地区生产总值" && $0.kind == .target })
        XCTAssertEqual(gdp.source, "target_list")
        XCTAssertTrue(gdp.evidence.hasPrefix("今年发展的主要预期目标是："), gdp.evidence)
        let actual = try XCTUnwrap(d.indicators.first { $0.name == "地区生产总值" && $0.kind == .actual })
        XCTAssertEqual(actual.source, "review")
    }

    /// The GB18030 text, its UTF-8 copy, a web page of it and an excerpt from its first
    /// heading on (no title, no opening) give the same figures.
    func testCopiesOfAReportInOtherFormsHaveTheSameFigures() throws {
        let url = Repository.fixtures.appendingPathComponent("real/cn_national_2016.gbk.txt")
        let text = try XCTUnwrap(String(data: try Data(contentsOf: url), encoding: Corpus.gb18030))
        let expected = figures(try document("cn_national_2016.gbk.txt"))
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(lines[0])</title></head><body>"
            + "<div class=\"nav\">首页 | 新闻</div>\n" + lines.map { "<p>\($0)</p>\n" }.joined() + "</body></html>"
        let firstHeading = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("一、") })
        let copies = [
            ("utf-8", try ReportParser().parse(bytes: Array(text.utf8), fileName: "cn_national_2016.txt")),
            ("html", try ReportParser().parse(bytes: Array(page.utf8), fileName: "cn_national_2016.html")),
            ("excerpt", try ReportParser().parse(bytes: Array(lines[firstHeading...].joined(separator: "\n").utf8), fileName: "excerpt.txt")),
        ]
        for (form, copy) in copies { XCTAssertEqual(figures(copy), expected, form) }
    }

    /// The text flattened to one line (no paragraphs, no sections): the main target list still
    /// yields its headline targets, and ends where the listing does rather than running on
    /// over the rest of the report.
    func testAReportFlattenedToOneLineKeepsItsMainTargetsAndNoMore() throws {
        let url = Repository.fixtures.appendingPathComponent("real/cn_national_2016.gbk.txt")
        let text = try XCTUnwrap(String(data: try Data(contentsOf: url), encoding: Corpus.gb18030))
        let flat = try ReportParser().parse(bytes: Array(text.filter { !$0.isNewline }.utf8), fileName: "flat.txt")
        XCTAssertEqual(flat.paragraphs.count, 1)
        let list = flat.indicators.filter { $0.source == "target_list" }
        XCTAssertEqual(list.filter { $0.headline == true }.map(Self.describe), [
            "target 地区生产总值 +6.5–7% range",
            "target 居民消费价格涨幅 +3% about",
            "target 城镇新增就业 1000万人 value:over over",
            "target 城镇登记失业率 4.5% under",
        ])
        XCTAssertLessThanOrEqual(list.count, 9, list.map(Self.describe).joined(separator: "\n"))
    }
}
