import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// Metadata read by hand from the samples, and the report / not-a-report call.
final class MetadataTests: XCTestCase {
    func testWebCopyNamesSpeakerOfficeAndSession() throws {
        // 001: "——2022年12月21日在北京市延庆区第三届人民代表大会第三次会议上 / 北京市延庆区人民政府区长 叶大华"
        let d = try Corpus.document("001")
        XCTAssertEqual(d.regionFull, "北京市延庆区")
        XCTAssertEqual(d.regionLevel, "district")
        XCTAssertEqual(d.speaker, "叶大华")
        XCTAssertEqual(d.speakerOffice, "区长")
        XCTAssertEqual(d.session, "第三届人民代表大会第三次会议")
        XCTAssertEqual(d.meetingDate, "2022-12-21")
    }

    func testFullRegionNameWhereTheTextNeverWritesItOut() throws {
        // 000 is titled 延庆区政府工作报告 and never writes 北京市延庆区: the gazetteer knows one 延庆区, Beijing's.
        let d = try Corpus.document("000")
        XCTAssertEqual(d.regionFull, "北京市延庆区")
        XCTAssertNil(d.session, "the PDF copy has no dateline")
        XCTAssertNil(d.speakerOffice)
        for (number, full) in [("002", "北京市密云区"), ("003", "北京市门头沟区"), ("004", "北京市平谷区")] {
            XCTAssertEqual(try Corpus.document(number).regionFull, full, number)
        }
    }

    func testEverySampleIsAReport() throws {
        for report in try Corpus.reports() {
            let type = try XCTUnwrap(report.document.documentType, report.id)
            XCTAssertTrue(type.isReport, "\(report.id): \(type.reason)")
            XCTAssertGreaterThanOrEqual(type.confidence, 0.8, report.id)
        }
    }

    func testANewsItemAboutAReportIsNotOne() throws {
        let news = """
        一图读懂2023年延庆区政府工作报告
        来源：延庆融媒 记者 王某
        12月21日，延庆区第三届人民代表大会第三次会议开幕。报告指出，过去一年全区经济稳中有进。
        报告提出，2023年全区地区生产总值增长6%。报告强调，要坚持生态优先。与会代表认为，报告实事求是、催人奋进。
        """
        let d = try ReportParser().parse(bytes: Array(news.utf8), fileName: "news.txt")
        let type = try XCTUnwrap(d.documentType)
        XCTAssertFalse(type.isReport, type.reason)
        XCTAssertTrue(type.reason.contains("commentary"), type.reason)
    }

    func testAnotherBodysWorkReportImitatingTheFormIsNotOne() throws {
        let text = """
        某某小学2023年工作报告
        一、工作总结
        本学期我校教学秩序良好，学生成绩稳步提升，家长满意度较高。
        二、下学期计划
        继续加强师资队伍建设，开展读书活动，办好运动会。
        """
        let type = try XCTUnwrap(try ReportParser().parse(bytes: Array(text.utf8), fileName: "school.txt").documentType)
        XCTAssertFalse(type.isReport, type.reason)
    }
}
