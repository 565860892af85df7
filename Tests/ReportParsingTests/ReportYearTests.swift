import XCTest
import ReportParsing
import ReportProtocol

/// Review and plan years when the headings do not name them: from the date line, with where
/// each came from, and the term a 换届 report reviews.
final class ReportYearTests: XCTestCase {
    private func parse(_ text: String) throws -> ParsedDocument {
        try ReportParser().parse(bytes: Array(text.utf8), fileName: "years.txt")
    }

    static let yearlessBody = """
    一、过去一年工作回顾
    过去一年，全省经济平稳运行，地区生产总值增长5%。
    二、今年工作安排
    今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。
    """

    func testAReviewWhoseFirstParagraphOpensOnAYearReviewsThatYear() throws {
        let d = try parse("""
        政府工作报告
        一、过去一年工作回顾
        2023年，全区地区生产总值增长6%。
        二、今年工作安排
        今年的主要预期目标是：地区生产总值增长6.5%左右。
        """)
        XCTAssertEqual(d.reviewYear, 2023)
        XCTAssertEqual(d.metadataSources?.reviewYear, .body)
        XCTAssertEqual(d.planYear, 2024)
    }

    func testAJanuaryMeetingPlansForItsOwnYear() throws {
        let d = try parse("政府工作报告\n——2024年1月23日在浙江省第十四届人民代表大会第二次会议上\n" + Self.yearlessBody)
        XCTAssertEqual(d.planYear, 2024)
        XCTAssertEqual(d.reviewYear, 2023)
        XCTAssertEqual(d.metadataSources?.planYear, .dateLine)
        XCTAssertEqual(d.metadataSources?.reviewYear, .derived)
    }

    func testADecemberMeetingPlansForTheNextYear() throws {
        let d = try parse("政府工作报告\n——2022年12月21日在北京市延庆区第三届人民代表大会第三次会议上\n" + Self.yearlessBody)
        XCTAssertEqual(d.planYear, 2023)
        XCTAssertEqual(d.reviewYear, 2022)
    }

    func testHeadingsOutrankTheDateLineAndTheDisagreementIsNoted() throws {
        let d = try parse("""
        政府工作报告
        ——2024年1月23日在浙江省第十四届人民代表大会第二次会议上
        一、2022年工作回顾
        地区生产总值增长5%。
        二、2023年工作安排
        地区生产总值增长5%左右。
        """)
        XCTAssertEqual(d.planYear, 2023)
        XCTAssertEqual(d.metadataSources?.planYear, .heading)
        XCTAssertEqual(d.metadataNotes?.count, 1)
        XCTAssertTrue(d.metadataNotes?.first?.hasPrefix("plan year") == true, "\(d.metadataNotes ?? [])")
    }

    func testATermReportNamedInTheOpeningReviewsFiveYears() throws {
        let d = try parse("""
        政府工作报告
        ——2023年1月15日在广东省第十四届人民代表大会第一次会议上
        各位代表：
        现在，我代表省人民政府，向大会报告过去五年政府工作和2023年工作安排，请予审议。
        一、2022年和过去五年工作回顾
        五年来，全省地区生产总值年均增长5.5%。
        二、2023年工作安排
        地区生产总值增长5%以上。
        """)
        XCTAssertEqual(d.reviewYear, 2022)
        XCTAssertEqual(d.reviewFirstYear, 2018)
        XCTAssertEqual(d.planYear, 2023)
    }
}
