import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// Header layouts found by the held-out check (docs/PARSING.md), each a rule of its own: the
/// office and the name on two lines, a date alone in Chinese numerals, the government named on a
/// letterhead line above a bare title, a flattened header with a caption run in.
final class HeaderLayoutTests: XCTestCase {
    static let body = """
    各位代表：
    现在，我代表省人民政府，向大会报告工作，请予审议。
    一、2023年工作回顾
    全省地区生产总值13.57万亿元，增长4.8%。
    二、2024年主要预期目标
    今年的主要预期目标是：地区生产总值增长5%左右。
    """

    private func parse(_ header: String) throws -> ParsedDocument {
        try ReportParser().parse(bytes: Array((header + "\n" + Self.body).utf8), fileName: "header.txt")
    }

    func testAnOfficeEndingItsLineTakesTheNameOnTheNextLineAndNeverTheProvince() throws {
        let d = try parse("""
        政府工作报告
        2024年1月22日在广东省第十四届人民代表大会第二次会议上
        广东省省长
        王伟中
        """)
        XCTAssertEqual(d.speaker, "王伟中")
        XCTAssertEqual(d.speakerOffice, "省长")
        XCTAssertEqual(d.region, "广东省")
    }

    func testAGovernmentBeforeAnOfficeAtTheEndOfTheLineIsNoSpeaker() throws {
        let d = try parse("""
        政府工作报告
        2024年1月22日在广东省第十四届人民代表大会第二次会议上
        广东省省长
        """)
        XCTAssertNil(d.speaker)
        XCTAssertNil(d.speakerOffice)
    }

    func testADateAloneInChineseNumeralsIsTheMeetingDate() throws {
        let d = try parse("""
        政府工作报告
        广东省人民政府省长　王伟中
        二〇二四年一月二十二日
        """)
        XCTAssertEqual(d.meetingDate, "2024-01-22")
        XCTAssertNil(d.session)
    }

    func testADateAloneInDigitsIsStillNoMeetingDate() throws {
        let d = try parse("""
        政府工作报告
        广东省人民政府省长　王伟中
        2024年3月12日
        """)
        XCTAssertNil(d.meetingDate)
    }

    func testALetterheadAboveABareTitleNamesTheRegion() throws {
        let d = try parse("""
        广东省人民政府
        政府工作报告
        ——2024年1月22日在省十四届人大二次会议上
        省长 王伟中
        """)
        XCTAssertEqual(d.region, "广东省")
        XCTAssertEqual(d.regionCode, "440000")
        XCTAssertEqual(d.metadataSources?.region, .title)
    }

    func testAnAutonomousPrefecturesShortFormInTheDateLineIsTheRegion() throws {
        let d = try parse("""
        政府工作报告
        ——2024年1月11日在凉山州第十一届人民代表大会第四次会议上
        州长 何树平
        """)
        XCTAssertEqual(d.region, "凉山州")
        XCTAssertEqual(d.regionFull, "四川省凉山彝族自治州")
        XCTAssertEqual(d.regionCode, "513400")
        XCTAssertEqual(d.regionLevel, "city")
    }

    func testAFlattenedHeaderWithANewsDatelineAndACaptionKeepsTitleSpeakerAndDate() throws {
        let header = "新华社北京3月12日电政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李 强"
            + "3月5日，第十四届全国人民代表大会第二次会议在北京人民大会堂开幕。国务院总理李强作政府工作报告。新华社记者 王晔 摄"
        let flat = header + Self.body.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "省人民政府", with: "国务院")
        let d = try ReportParser().parse(bytes: Array(flat.utf8), fileName: "flat.txt")
        XCTAssertEqual(d.title, "政府工作报告")
        XCTAssertEqual(d.speaker, "李强")
        XCTAssertEqual(d.meetingDate, "2024-03-05")
        XCTAssertEqual(d.region, "全国")
    }
}
