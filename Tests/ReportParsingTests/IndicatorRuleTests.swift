import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// Small hand-written reports, one rule each.
final class IndicatorRuleTests: XCTestCase {
    private func parse(_ text: String) throws -> ParsedDocument { try SmallReport.parse(text) }

    private func report(review: String, plan: String) -> String { SmallReport.text(review: review, plan: plan) }

    func testMaskedFiguresAreNoIndicator() throws {
        let d = try parse(report(review: "全区地区生产总值X亿元，增长%，就业形势总体稳定。",
                                 plan: "主要预期目标是：地区生产总值增长X%左右，居民收入稳步增长。"))
        // 居民收入稳步增长 is a target with a direction and no number, and nothing more.
        XCTAssertEqual(d.indicators.map(\.name), ["居民收入"], "\(d.indicators)")
        XCTAssertTrue(d.indicators.allSatisfy { $0.value == nil && $0.growthPct == nil && $0.direction == .up }, "\(d.indicators)")
    }

    func testQualifiersAndSigns() throws {
        let d = try parse(report(
            review: "社会消费品零售额107亿元，同比下降5%；固定资产投资首次突破200亿元。",
            plan: "主要预期目标是：地区生产总值增长6%以上；城镇登记失业率控制在4%以内；一般公共预算收入与上年持平；居民消费价格涨幅3%左右。"))
        func find(_ name: String) throws -> Indicator { try XCTUnwrap(d.indicators.first { $0.name == name }, name) }
        XCTAssertEqual(try find("社会消费品零售额").growthPct, -5)
        XCTAssertEqual(try find("社会消费品零售额").kind, .actual)
        XCTAssertEqual(try find("固定资产投资").value, 200)
        XCTAssertEqual(try find("固定资产投资").qualifier, .over)
        XCTAssertEqual(try find("地区生产总值").qualifier, .over)
        XCTAssertEqual(try find("地区生产总值").kind, .target)
        XCTAssertEqual(try find("地区生产总值").year, 2023)
        XCTAssertEqual(try find("城镇登记失业率").value, 4)
        XCTAssertEqual(try find("城镇登记失业率").qualifier, .under)
        XCTAssertEqual(try find("一般公共预算收入").qualifier, .same)
        XCTAssertEqual(try find("居民消费价格涨幅").growthPct, 3)
        XCTAssertEqual(try find("居民消费价格涨幅").qualifier, .about)
        XCTAssertEqual(try find("城镇登记失业率").evidence, "城镇登记失业率控制在4%以内；")
        XCTAssertEqual(try find("城镇登记失业率").section, "2023年工作安排")
    }

    func testFiguresOfAnotherSubjectAreNotTaken() throws {
        let d = try parse(report(review: "固定资产投资同比增长1.5%，其中建安投资完成70亿元；全口径税费收入首次超120亿元。", plan: "继续努力。"))
        let investment = try XCTUnwrap(d.indicators.first { $0.name == "固定资产投资" })
        XCTAssertNil(investment.value, "70亿元 belongs to 建安投资")
        XCTAssertEqual(investment.growthPct, 1.5)
        XCTAssertEqual(d.indicators.filter { $0.name == "固定资产投资" }.count, 1)
        // The other subjects are statements of their own.
        let construction = try XCTUnwrap(d.indicators.first { $0.name == "建安投资" })
        XCTAssertEqual(construction.value, 70)
        XCTAssertEqual(construction.unit, "亿元")
        let taxes = try XCTUnwrap(d.indicators.first { $0.name == "全口径税费收入" })
        XCTAssertEqual(taxes.value, 120)
        XCTAssertEqual(taxes.qualifier, .over)
        XCTAssertEqual(d.indicators.count, 3)
    }

    func testYearsFromHeadingsAndNoRegionForAPlaceholderName() throws {
        let d = try parse(report(review: "地区生产总值增长4%。", plan: "地区生产总值增长5%左右。"))
        XCTAssertEqual(d.title, "北京市某某区2023年政府工作报告")
        // 某某区 is no unit of the gazetteer, and 北京市 alone would be wrong: no region rather than a guess.
        XCTAssertNil(d.region)
        XCTAssertEqual(d.reviewYear, 2022)
        XCTAssertEqual(d.planYear, 2023)
        XCTAssertEqual(d.indicators.map(\.kind), [.actual, .target])
    }
}

/// Numbering styles below （一）: 1./1、 and （1） become deeper levels, and the items
/// under them still count as body text for the indicators.
final class SectionNumberingTests: XCTestCase {
    func testArabicItemsNestUnderParenthesizedNumerals() throws {
        let text = """
        某某县2023年政府工作报告
        一、2022年工作回顾
        （一）经济运行稳中有进
        1.产业结构持续优化
        地区生产总值增长4%。
        2.消费市场逐步回暖
        社会消费品零售额增长3%。
        二、2023年工作安排
        （一）推动高质量发展
        （1）壮大实体经济
        1.预期目标是地区生产总值增长5%左右。
        """
        let d = try ReportParser().parse(bytes: Array(text.utf8), fileName: "numbering.txt")
        XCTAssertNil(d.region, "某某县 is no unit of the gazetteer")
        XCTAssertEqual(d.sections.map(\.title), ["2022年工作回顾", "2023年工作安排"])
        let review = d.sections[0].children[0]
        XCTAssertEqual(review.children.map(\.number), ["1.", "2."])
        XCTAssertEqual(review.children.map(\.level), [3, 3])
        XCTAssertEqual(d.sections[1].children[0].children.map(\.title), ["壮大实体经济"])
        XCTAssertEqual(d.sections[1].children[0].children[0].level, 4)
        XCTAssertEqual(d.indicators.map(\.name), ["地区生产总值", "社会消费品零售额", "地区生产总值"])
        XCTAssertEqual(d.indicators.last?.kind, .target)
        XCTAssertEqual(d.indicators.last?.growthPct, 5)
    }
}
