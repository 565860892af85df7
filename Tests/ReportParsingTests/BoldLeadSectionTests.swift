import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// Bold lead phrases (`**…**` in word-processor and Markdown exports) are unnumbered
/// sub-headings: the innermost sections, while their paragraph stays body text.
final class BoldLeadSectionTests: XCTestCase {
    func testBoldLeadsNestUnderTheirHeadingAndKeepTheirFigures() throws {
        let text = """
        某某区2023年政府工作报告
        一、2022年工作回顾
        （一）经济运行稳中有进
        **产业结构持续优化。**地区生产总值增长4%。
        **消费市场逐步回暖**：社会消费品零售额增长3%。
        这一段不以粗体开头，**中间的粗体**不是标题。
        （二）民生持续改善
        **就业**
        新增就业1.2万人。
        二、2023年工作安排
        地区生产总值增长5%左右。
        """
        let d = try ReportParser().parse(bytes: Array(text.utf8), fileName: "bold.md")
        let economy = d.sections[0].children[0]
        XCTAssertEqual(economy.children.map(\.title), ["产业结构持续优化", "消费市场逐步回暖"])
        XCTAssertEqual(economy.children.map(\.number), [nil, nil])
        XCTAssertEqual(economy.children.map(\.level), [3, 3])
        XCTAssertEqual(economy.children.map(\.paragraphCount), [1, 2])
        // A lead alone on its line heads the paragraphs after it.
        let jobs = try XCTUnwrap(d.sections[0].children[1].children.first)
        XCTAssertEqual(jobs.title, "就业")
        XCTAssertEqual(jobs.paragraphCount, 2)
        XCTAssertEqual(d.indicators.first { $0.name == "新增就业" }?.value, 1.2)
        XCTAssertEqual(d.sections.map(\.title), ["2022年工作回顾", "2023年工作安排"])
        // The lead's paragraph is still read for figures.
        XCTAssertEqual(d.indicators.first { $0.name == "地区生产总值" && $0.kind == .actual }?.growthPct, 4)
        XCTAssertEqual(d.indicators.first { $0.name == "社会消费品零售额" }?.growthPct, 3)
    }

    func testSample003BoldLeadAfterAHeading() throws {
        // （二）坚持文化兴区，永定河文旅体验产业带初步形成**文化保护传承深入开展**。融入全国文化中心建设…
        let d = try ReportParser().parse(bytes: try Corpus.bytes("003"), fileName: "003.txt")
        let culture = d.sections[0].children[1]
        let lead = try XCTUnwrap(culture.children.first)
        XCTAssertEqual(lead.title, "文化保护传承深入开展")
        XCTAssertNil(lead.number)
        XCTAssertEqual(lead.level, 3)
        XCTAssertEqual(lead.paragraphIndex, culture.paragraphIndex + 1)
        XCTAssertTrue(d.paragraphs[lead.paragraphIndex].hasPrefix("文化保护传承深入开展。融入"))
    }
}

/// The numbering styles not covered by the samples: half-width (一) and 1、.
final class HalfWidthNumberingTests: XCTestCase {
    func testHalfWidthParenthesesAndArabicWithComma() throws {
        let text = """
        某某县2023年政府工作报告
        一、2022年工作回顾
        (一)经济运行稳中有进
        1、产业结构持续优化
        地区生产总值增长4%。
        2、消费市场逐步回暖
        社会消费品零售额增长3%。
        (二)民生持续改善
        城镇登记失业率控制在4%以内。
        二、2023年工作安排
        地区生产总值增长5%左右。
        """
        let d = try ReportParser().parse(bytes: Array(text.utf8), fileName: "numbering.txt")
        XCTAssertEqual(d.sections.map(\.title), ["2022年工作回顾", "2023年工作安排"])
        let review = d.sections[0]
        XCTAssertEqual(review.children.map(\.number), ["（一）", "（二）"], "half-width brackets are widened in Chinese context")
        XCTAssertEqual(review.children.map(\.title), ["经济运行稳中有进", "民生持续改善"])
        let items = review.children[0].children
        XCTAssertEqual(items.map(\.number), ["1、", "2、"])
        XCTAssertEqual(items.map(\.title), ["产业结构持续优化", "消费市场逐步回暖"])
        XCTAssertEqual(items.map(\.level), [3, 3])
        XCTAssertEqual(d.indicators.first { $0.name == "社会消费品零售额" }?.section, "2022年工作回顾")
    }
}
