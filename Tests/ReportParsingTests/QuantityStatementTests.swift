import XCTest
import ChineseText
import ReportParsing
import ReportProtocol
import TestSupport

/// Figures beyond the headline catalogue: every quantitative statement with a name and a
/// unit, or a growth rate. Expectations read by hand from the samples and small reports.
final class QuantityStatementTests: XCTestCase {
    private func parse(_ text: String) throws -> ParsedDocument { try SmallReport.parse(text) }

    private func report(review: String, plan: String) -> String { SmallReport.text(review: review, plan: plan) }

    private func find(_ name: String, in d: ParsedDocument, kind: Indicator.Kind = .actual,
                      file: StaticString = #filePath, line: UInt = #line) throws -> Indicator {
        try XCTUnwrap(d.indicators.first { $0.name == name && $0.kind == kind },
                      "\(name) not in \(d.indicators.map(\.name))", file: file, line: line)
    }

    func testSample003EnvironmentFigures() throws {
        // 生态环境治理成效突出。…PM2.5 累计浓度为 28.9 微克/立方米，同比下降 9.1%；空气质量优良天数达到 294 天，全市排名第一。
        let d = try ReportParser().parse(bytes: try Corpus.bytes("003"), fileName: "003.txt")
        let pm = try find("PM2.5累计浓度", in: d)
        XCTAssertEqual(pm.value, 28.9)
        XCTAssertEqual(pm.unit, "微克/立方米")
        XCTAssertEqual(pm.growthPct, -9.1)
        XCTAssertEqual(pm.year, 2022)
        XCTAssertEqual(pm.section, d.sections.first?.title)
        XCTAssertEqual(pm.evidence, "PM2.5累计浓度为28.9微克/立方米，同比下降9.1%；")
        let days = try find("空气质量优良天数", in: d)
        XCTAssertEqual(days.value, 294)
        XCTAssertEqual(days.unit, "天")
        XCTAssertNil(days.growthPct)
        XCTAssertEqual(days.headline, false)
        // The catalogue still names its own figures exactly as before.
        XCTAssertEqual(try find("城镇登记失业率", in: d).value, 2.88)
        XCTAssertEqual(try find("城镇登记失业率", in: d).headline, true)
        XCTAssertFalse(d.indicators.contains { $0.name.contains("登记失业率") && $0.name != "城镇登记失业率" })
    }

    func testSample000VisitorsAndAirQuality() throws {
        // 延庆奥林匹克园区实现精彩开园，累计接待游客19万人次，…  PM2.5年均浓度26微克/立方米，保持全市领先，…
        let d = try ReportParser().parse(bytes: try Corpus.bytes("000"), fileName: "000.txt")
        let visitors = try find("接待游客", in: d)
        XCTAssertEqual(visitors.value, 19)
        XCTAssertEqual(visitors.unit, "万人次")
        let pm = try find("PM2.5年均浓度", in: d)
        XCTAssertEqual(pm.value, 26)
        XCTAssertEqual(pm.unit, "微克/立方米")
    }

    func testTargetsGrowthAndQualifiers() throws {
        let d = try parse(report(
            review: "全年接待游客1000万人次，增长6%；农村居民人均可支配收入增长6.5%；森林覆盖率达到61.2%。",
            plan: "新增就业1.2万人以上，空气质量优良天数保持在280天左右，PM2.5年均浓度下降3%。"))
        let visitors = try find("接待游客", in: d)
        XCTAssertEqual(visitors.value, 1000)
        XCTAssertEqual(visitors.unit, "万人次")
        XCTAssertEqual(visitors.growthPct, 6)
        XCTAssertEqual(try find("农村居民人均可支配收入", in: d).growthPct, 6.5)
        XCTAssertEqual(d.indicators.filter { $0.name.contains("人均可支配收入") }.count, 1, "read once, by the catalogue")
        let forest = try find("森林覆盖率", in: d)
        XCTAssertEqual(forest.value, 61.2)
        XCTAssertEqual(forest.unit, "%")
        let jobs = try find("新增就业", in: d, kind: .target)
        XCTAssertEqual(jobs.value, 1.2)
        XCTAssertEqual(jobs.unit, "万人")
        XCTAssertEqual(jobs.qualifier, .over)
        XCTAssertEqual(jobs.year, 2023)
        XCTAssertEqual(jobs.section, "2023年工作安排")
        let days = try find("空气质量优良天数", in: d, kind: .target)
        XCTAssertEqual(days.value, 280)
        XCTAssertEqual(days.qualifier, .about)
        let pm = try find("PM2.5年均浓度", in: d, kind: .target)
        XCTAssertEqual(pm.growthPct, -3)
        XCTAssertNil(pm.value)
    }

    func testDatesOrdinalsMeetingsAndMaskedFiguresAreNoIndicator() throws {
        let d = try parse(report(
            review: "2022年12月21日，召开区政府常务会议30次，办理人大代表建议156件、政协提案210件。第3批示范村验收。做好以下5个方面工作。接待游客X万人次，增长%。",
            plan: "继续努力。"))
        XCTAssertTrue(d.indicators.isEmpty, "\(d.indicators.map(\.name))")
    }

    func testSentencesCoverEveryParagraph() throws {
        let d = try ReportParser().parse(bytes: try Corpus.bytes("001"), fileName: "001.txt")
        let spans = try XCTUnwrap(d.sentences)
        for (p, paragraph) in d.paragraphs.enumerated() {
            let scalars = Array(paragraph.unicodeScalars)
            let mine = spans.filter { $0.paragraphIndex == p }.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
            XCTAssertEqual(mine, SentenceSplitter.sentences(in: paragraph), "paragraph \(p)")
        }
        XCTAssertTrue(spans.contains { d.paragraphs[$0.paragraphIndex].unicodeScalars.count > $0.end }, "paragraphs hold several sentences")
    }
}
