import Foundation
import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// The metadata of the six real reports in Tests/Fixtures/real (State Council 2014–2018, Beijing
/// and Shanghai 2025), as read by hand from each text, and of the variants users send of them.
final class RealReportMetadataTests: XCTestCase {
    private let parser = ReportParser()

    struct Expected {
        var file: String
        var region: String
        var regionFull: String
        var regionCode: String?
        var level: String
        var years: (review: Int, plan: Int)
        var speaker: (name: String, office: String)?
        var meetingDate: String?
        var session: String?
    }

    static let expected: [Expected] = [
        // 2014国务院政府工作报告 / 新华社北京3月14日电 (not the meeting) / ——2014年3月5日在第十二届全国人民代表大会第二次会议上 / 国务院总理?李克强
        Expected(file: "cn_national_2014.gbk.txt", region: "全国", regionFull: "中华人民共和国", level: "national",
                 years: (2013, 2014), speaker: ("李克强", "总理"), meetingDate: "2014-03-05", session: "第十二届全国人民代表大会第二次会议"),
        Expected(file: "cn_national_2015.gbk.txt", region: "全国", regionFull: "中华人民共和国", level: "national",
                 years: (2014, 2015), speaker: ("李克强", "总理"), meetingDate: "2015-03-05", session: "第十二届全国人民代表大会第三次会议"),
        // No speaker or date line in the file: they must stay nil.
        Expected(file: "cn_national_2016.gbk.txt", region: "全国", regionFull: "中华人民共和国", level: "national",
                 years: (2015, 2016), speaker: nil, meetingDate: nil, session: nil),
        // A five-year review (一、过去五年工作回顾) before the plan for 2018.
        Expected(file: "cn_national_2018.gbk.txt", region: "全国", regionFull: "中华人民共和国", level: "national",
                 years: (2017, 2018), speaker: ("李克强", "总理"), meetingDate: "2018-03-05", session: "第十三届全国人民代表大会第一次会议"),
        // 2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。
        Expected(file: "beijing_2025.docx", region: "北京市", regionFull: "北京市", regionCode: "110000", level: "province",
                 years: (2024, 2025), speaker: ("殷勇", "市长"), meetingDate: "2025-01-14", session: "第十六届人民代表大会第三次会议"),
        // ----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告
        Expected(file: "shanghai_2025.docx", region: "上海市", regionFull: "上海市", regionCode: "310000", level: "province",
                 years: (2024, 2025), speaker: ("龚正", "市长"), meetingDate: "2025-01-15", session: "第十六届人民代表大会第三次会议"),
    ]

    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Repository.fixtures.appendingPathComponent("real/\(file)")))
    }

    /// The report as UTF-8 text, whatever its file form.
    static func text(_ file: String) throws -> String {
        try ReportParser().parse(bytes: try bytes(file), fileName: file).paragraphs.joined(separator: "\n")
    }

    func assertMetadata(_ d: ParsedDocument, _ e: Expected, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(d.region, e.region, label, file: file, line: line)
        XCTAssertEqual(d.regionFull, e.regionFull, label, file: file, line: line)
        XCTAssertEqual(d.regionCode, e.regionCode, label, file: file, line: line)
        XCTAssertEqual(d.regionLevel, e.level, label, file: file, line: line)
        XCTAssertEqual(d.reviewYear, e.years.review, label, file: file, line: line)
        XCTAssertEqual(d.planYear, e.years.plan, label, file: file, line: line)
        XCTAssertEqual(d.speaker, e.speaker?.name, label, file: file, line: line)
        XCTAssertEqual(d.speakerOffice, e.speaker?.office, label, file: file, line: line)
        XCTAssertEqual(d.meetingDate, e.meetingDate, label, file: file, line: line)
        XCTAssertEqual(d.session, e.session, label, file: file, line: line)
    }

    func testEveryRealReportGivesTheMetadataReadByHand() throws {
        for e in Self.expected {
            let d = try parser.parse(bytes: try Self.bytes(e.file), fileName: e.file)
            assertMetadata(d, e, e.file)
            XCTAssertNil(d.metadataNotes, "\(e.file): the cues agree")
        }
    }

    func testEachFieldSaysWhereItWasFound() throws {
        let national = try parser.parse(bytes: try Self.bytes("cn_national_2014.gbk.txt"), fileName: "2014.txt")
        XCTAssertEqual(national.metadataSources, MetadataSources(region: .title, speaker: .speakerLine, meetingDate: .dateLine,
                                                                 session: .dateLine, reviewYear: .heading, planYear: .heading))
        // Shanghai runs the speaker into the date line: 2025年1月15日龚正市长在上海市…
        let shanghai = try parser.parse(bytes: try Self.bytes("shanghai_2025.docx"), fileName: "shanghai.docx")
        XCTAssertEqual(shanghai.metadataSources?.speaker, .dateLine)
        XCTAssertEqual(shanghai.metadataSources?.region, .title)
    }

    func testAFiveYearReportReviewsTheTermAndTheLastYear() throws {
        let d = try parser.parse(bytes: try Self.bytes("cn_national_2018.gbk.txt"), fileName: "2018.txt")
        XCTAssertEqual(d.reviewYear, 2017)
        XCTAssertEqual(d.reviewFirstYear, 2013)
        let oneYear = try parser.parse(bytes: try Self.bytes("cn_national_2015.gbk.txt"), fileName: "2015.txt")
        XCTAssertNil(oneYear.reviewFirstYear)
    }

    func testANewsDatelineIsNotTheMeetingDate() throws {
        // 2014's file opens with 新华社北京3月14日电 before the date line of 3月5日.
        let d = try parser.parse(bytes: try Self.bytes("cn_national_2014.gbk.txt"), fileName: "2014.txt")
        XCTAssertEqual(d.meetingDate, "2014-03-05")
    }

    func testVariantsOfEveryRealReportKeepItsMetadata() throws {
        for e in Self.expected {
            let text = try Self.text(e.file)
            let variants: [(String, [UInt8])] = [
                ("utf-8.txt", Array(text.utf8)),
                ("gb18030.txt", SampleVariants.gb18030(text)),
                ("html", SampleVariants.htmlPage(text)),
                ("traditional.txt", Array(try SampleVariants.traditional(text).utf8)),
            ]
            for (name, bytes) in variants {
                assertMetadata(try parser.parse(bytes: bytes, fileName: "\(e.file).\(name)"), e, "\(e.file) as \(name)")
            }
        }
    }

    func testThePDFLibreOfficeMadeOfTheBeijingReportKeepsItsMetadata() throws {
        // pdftotext wraps the date line in the middle of 北京市: `…会议上北` / `京市市长 殷勇同志作政府工作报告。`
        let url = Repository.fixtures.appendingPathComponent("variants/beijing_2025.pdf")
        let d = try parser.parse(bytes: Array(try Data(contentsOf: url)), fileName: "beijing_2025.pdf")
        let e = try XCTUnwrap(Self.expected.first { $0.file == "beijing_2025.docx" })
        XCTAssertEqual(d.sourceFormat, "pdf")
        assertMetadata(d, e, "beijing_2025.pdf")
    }

    func testAReportFlattenedToOneLineKeepsItsRegionAndYearsAndInventsNothing() throws {
        for e in Self.expected {
            let flat = try Self.text(e.file).replacingOccurrences(of: "\n", with: "")
            let d = try parser.parse(bytes: Array(flat.utf8), fileName: "\(e.file).flat.txt")
            // One line is no title, no speaker's line: whatever comes out must be right, and the region must come out.
            XCTAssertEqual(d.region, e.region, e.file)
            if let code = d.regionCode { XCTAssertEqual(code, e.regionCode, e.file) }
            if let speaker = d.speaker { XCTAssertEqual(speaker, e.speaker?.name, e.file) }
            if let date = d.meetingDate { XCTAssertEqual(date, e.meetingDate, e.file) }
            XCTAssertEqual(d.planYear, e.years.plan, e.file)
        }
    }

    func testExcerptsWithoutTheHeaderKeepTheYearsAndGiveTheRightRegionOrNone() throws {
        for e in Self.expected {
            let text = try Self.text(e.file)
            // From the first heading on: no title, date line or speaker, no opening sentence (a later
            // 我代表国务院，向…表示感谢 may still name the government).
            let start = try XCTUnwrap(text.range(of: "\n一、"), e.file)
            let d = try parser.parse(bytes: Array(text[start.lowerBound...].utf8), fileName: "\(e.file).excerpt.txt")
            XCTAssertNil(d.speaker, e.file)
            XCTAssertNil(d.meetingDate, e.file)
            XCTAssertEqual(d.reviewYear, e.years.review, e.file)
            if let region = d.region {
                XCTAssertEqual(region, e.region, e.file)
                XCTAssertTrue([.body, .opening].contains(d.metadataSources?.region), e.file)
            }
        }
    }
}
