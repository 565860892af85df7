import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// The five sample reports, with figures read from the samples by hand.
final class SampleReportTests: XCTestCase {
    private func parse(_ number: String) throws -> ParsedDocument {
        try ReportParser().parse(bytes: try Corpus.bytes(number), fileName: "\(number).txt")
    }

    private func assertGDP(_ document: ParsedDocument, actual: (value: Double?, growth: Double, qualifier: Indicator.Qualifier?),
                           target: (growth: Double, qualifier: Indicator.Qualifier?), file: StaticString = #filePath, line: UInt = #line) throws {
        let gdp = document.indicators.filter { $0.name == "地区生产总值" }
        let a = try XCTUnwrap(gdp.first { $0.kind == .actual }, "no actual GDP", file: file, line: line)
        XCTAssertEqual(a.value, actual.value, file: file, line: line)
        XCTAssertEqual(a.unit, actual.value == nil ? nil : "亿元", file: file, line: line)
        XCTAssertEqual(a.growthPct, actual.growth, file: file, line: line)
        XCTAssertEqual(a.qualifier, actual.qualifier, file: file, line: line)
        XCTAssertEqual(a.year, document.reviewYear, file: file, line: line)
        XCTAssertTrue(a.evidence.contains("地区生产总值"), file: file, line: line)
        let t = try XCTUnwrap(gdp.first { $0.kind == .target }, "no GDP target", file: file, line: line)
        XCTAssertEqual(t.growthPct, target.growth, file: file, line: line)
        XCTAssertEqual(t.qualifier, target.qualifier, file: file, line: line)
        XCTAssertNil(t.value, file: file, line: line)
        XCTAssertEqual(t.year, document.planYear, file: file, line: line)
    }

    private func assertCommon(_ d: ParsedDocument, region: String, title: String?, topLevel: [String],
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(d.region, region, file: file, line: line)
        XCTAssertEqual(d.title, title, file: file, line: line)
        XCTAssertEqual(d.reviewYear, 2022, file: file, line: line)
        XCTAssertEqual(d.planYear, 2023, file: file, line: line)
        XCTAssertEqual(d.encoding, "utf-8", file: file, line: line)
        XCTAssertEqual(d.parserVersion, ReportParser.version, file: file, line: line)
        XCTAssertEqual(d.sections.map(\.title), topLevel, file: file, line: line)
        XCTAssertTrue(d.sections.allSatisfy { $0.level == 1 }, file: file, line: line)
        for section in d.sections {
            XCTAssertEqual(d.paragraphs[section.paragraphIndex].hasSuffix(section.title), true, file: file, line: line)
        }
    }

    func testYanqingFromPDF() throws {
        let d = try parse("000")
        assertCommon(d, region: "延庆区", title: "延庆区政府工作报告", topLevel: ["2022年工作情况", "2023年重点任务"])
        XCTAssertEqual(d.sections.map(\.number), ["一、", "二、"])
        XCTAssertEqual(d.sections.map(\.children.count), [7, 9])
        XCTAssertEqual(d.sections[0].children[0].title, "冬奥服务保障圆满成功")
        XCTAssertEqual(d.sections[0].children[0].level, 2)
        XCTAssertNil(d.speaker)
        XCTAssertNil(d.meetingDate)
        try assertGDP(d, actual: (213, 4, nil), target: (6, nil))
    }

    func testYanqingFromWebPage() throws {
        let d = try parse("001")
        assertCommon(d, region: "延庆区", title: "北京市延庆区2023年政府工作报告", topLevel: ["2022年工作情况", "2023年重点任务"])
        XCTAssertEqual(d.sections.map(\.number), ["第一部分", "第二部分"])
        XCTAssertEqual(d.speaker, "叶大华")
        XCTAssertEqual(d.meetingDate, "2022-12-21")
        let plan = d.sections[1].children
        XCTAssertEqual(plan.count, 9)
        XCTAssertEqual(plan[1].title, "突出财源建设，增强发展动能", "the heading that lost its number")
        XCTAssertNil(plan[1].number)
        XCTAssertEqual(plan[2].number, "三、")
        try assertGDP(d, actual: (213, 4, nil), target: (6, nil))
    }

    func testPDFAndWebCopiesOfOneReportAgree() throws {
        let pdf = try parse("000"), web = try parse("001")
        XCTAssertEqual(pdf.region, web.region)
        XCTAssertEqual(pdf.reviewYear, web.reviewYear)
        XCTAssertEqual(pdf.planYear, web.planYear)
        func figures(_ d: ParsedDocument) -> [String] {
            d.indicators.map { "\($0.kind) \($0.name) \($0.value ?? -1) \($0.unit ?? "") \($0.growthPct ?? -1) \($0.qualifier?.rawValue ?? "")" }
        }
        XCTAssertEqual(figures(pdf), figures(web))
        XCTAssertEqual(pdf.sections.map(\.title), web.sections.map(\.title))
    }

    func testMiyun() throws {
        let d = try parse("002")
        assertCommon(d, region: "密云区", title: "密云区政府工作报告",
                     topLevel: ["2022年工作回顾", "坚定信心加快推动密云绿色高质量发展", "奋力谱写中国式现代化密云新篇章", "全面加强政府自身建设"])
        XCTAssertEqual(d.sections[2].children.map(\.title)[3], "围绕宜业宜居宜游目标，建设高品质城市生活空间")
        try assertGDP(d, actual: (367, 2, .about), target: (4, nil))
        let cpi = try XCTUnwrap(d.indicators.first { $0.name == "居民消费价格涨幅" })
        XCTAssertEqual(cpi.kind, .target)
        XCTAssertEqual(cpi.growthPct, 3)
        XCTAssertEqual(cpi.qualifier, .under)
        let unemployment = try XCTUnwrap(d.indicators.first { $0.name == "城镇调查失业率" && $0.kind == .actual })
        XCTAssertEqual(unemployment.value, 4.5)
        XCTAssertEqual(unemployment.unit, "%")
        XCTAssertEqual(unemployment.qualifier, .under)
        let income = try XCTUnwrap(d.indicators.first { $0.name == "居民人均可支配收入" && $0.kind == .actual })
        XCTAssertEqual(income.value, 44467)
        XCTAssertEqual(income.unit, "元")
        XCTAssertEqual(income.growthPct, 4.3)
    }

    func testMentougou() throws {
        let d = try parse("003")
        assertCommon(d, region: "门头沟区", title: "门头沟区政府工作报告", topLevel: ["2022年工作回顾", "2023年主要任务"])
        XCTAssertEqual(d.sections[0].children[1].title, "坚持文化兴区，永定河文旅体验产业带初步形成")
        try assertGDP(d, actual: (275, 1.5, nil), target: (4, .about))
        let retail = try XCTUnwrap(d.indicators.first { $0.name == "社会消费品零售额" })
        XCTAssertEqual(retail.value, 107)
        XCTAssertEqual(retail.growthPct, -5, "同比下降5% is negative")
        let revenue = try XCTUnwrap(d.indicators.first { $0.name == "一般公共预算收入" && $0.kind == .target })
        XCTAssertEqual(revenue.growthPct, 0)
        XCTAssertEqual(revenue.qualifier, .same, "与上年持平")
        let income = try XCTUnwrap(d.indicators.first { $0.name == "居民人均可支配收入" })
        XCTAssertEqual(income.value, 6)
        XCTAssertEqual(income.unit, "万元")
        XCTAssertEqual(income.qualifier, .over, "增长3%以上")
        XCTAssertEqual(d.indicators.first { $0.name == "城镇登记失业率" && $0.kind == .target }?.value, 5)
    }

    func testPinggu() throws {
        let d = try parse("004")
        assertCommon(d, region: "平谷区", title: "平谷区政府工作报告", topLevel: ["2022年工作回顾", "2023年工作思路和主要任务"])
        XCTAssertEqual(d.sections[1].children.count, 11)
        XCTAssertEqual(d.sections[1].children[10].number, "（十一）")
        XCTAssertEqual(d.sections[0].children[1].title, "奋力实施“三个打造”，高大尚平谷建设加速推进")
        // The review gives only the growth rate: the value stays nil rather than invented.
        try assertGDP(d, actual: (nil, 7, .about), target: (5, .about))
    }

    func testSectionRangesCoverTheDocument() throws {
        for number in ["000", "001", "002", "003", "004"] {
            let d = try parse(number)
            for (a, b) in zip(d.sections, d.sections.dropFirst()) {
                XCTAssertEqual(a.paragraphIndex + a.paragraphCount, b.paragraphIndex, number)
            }
            let last = try XCTUnwrap(d.sections.last)
            XCTAssertEqual(last.paragraphIndex + last.paragraphCount, d.paragraphs.count, number)
            for section in d.sections {
                for child in section.children {
                    XCTAssertGreaterThan(child.paragraphIndex, section.paragraphIndex)
                    XCTAssertLessThanOrEqual(child.paragraphIndex + child.paragraphCount, section.paragraphIndex + section.paragraphCount)
                }
            }
        }
    }
}
