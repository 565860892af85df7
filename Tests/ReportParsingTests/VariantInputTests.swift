import Foundation
import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// The same reports as users also send them: other encodings, HTML pages, excerpts.
final class VariantInputTests: XCTestCase {
    private let parser = ReportParser()

    private func gdp(_ d: ParsedDocument, _ kind: Indicator.Kind) -> Indicator? {
        d.indicators.first { $0.name == "地区生产总值" && $0.kind == kind }
    }

    func testGB18030CopyParsesLikeTheOriginal() throws {
        let original = try parser.parse(bytes: try Corpus.bytes("003"), fileName: "003.txt")
        let gb = Array(try XCTUnwrap(try Corpus.text("003").data(using: Corpus.gb18030)))
        let copy = try parser.parse(bytes: gb, fileName: "003-gbk.txt")
        XCTAssertEqual(copy.encoding, "gb18030")
        XCTAssertEqual(copy.paragraphs, original.paragraphs)
        XCTAssertEqual(copy.indicators, original.indicators)
    }

    func testUTF16CopyParsesLikeTheOriginal() throws {
        let original = try parser.parse(bytes: try Corpus.bytes("002"), fileName: "002.txt")
        let utf16 = [0xFF, 0xFE] + Array(try Corpus.text("002").data(using: .utf16LittleEndian)!)
        let copy = try parser.parse(bytes: utf16, fileName: "002-utf16.txt")
        XCTAssertEqual(copy.encoding, "utf-16le")
        XCTAssertEqual(copy.sections, original.sections)
        XCTAssertEqual(copy.indicators, original.indicators)
    }

    func testHTMLPageOfTheWebCopy() throws {
        let lines = try Corpus.text("001").split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.map { "<p>\($0.replacingOccurrences(of: "&", with: "&amp;"))</p>" }.joined(separator: "\n")
        let page = """
        <html><head><meta charset="gbk"><title>报告</title><script>var x = "地区生产总值增长99%";</script></head>
        <body><nav><a>首页</a><a>地区生产总值增长88%</a></nav>\(body)<footer>京ICP备00000000号</footer></body></html>
        """
        let bytes = Array(try XCTUnwrap(page.data(using: Corpus.gb18030)))
        let d = try parser.parse(bytes: bytes, fileName: "report.html")
        XCTAssertEqual(d.encoding, "gb18030")
        XCTAssertEqual(d.region, "延庆区")
        XCTAssertEqual(d.speaker, "叶大华")
        XCTAssertEqual(gdp(d, .actual)?.value, 213)
        XCTAssertEqual(gdp(d, .target)?.growthPct, 6)
        XCTAssertFalse(d.indicators.contains { $0.growthPct == 99 || $0.growthPct == 88 }, "script and nav text must not count")
    }

    func testExcerptWithoutTitle() throws {
        let text = try Corpus.text("002")
        let start = try XCTUnwrap(text.range(of: "三、奋力谱写"))
        let d = try parser.parse(bytes: Array(text[start.lowerBound...].utf8), fileName: "excerpt.txt")
        XCTAssertNil(d.title)
        XCTAssertEqual(d.planYear, 2023)
        XCTAssertEqual(d.reviewYear, 2022)
        XCTAssertNil(gdp(d, .actual))
        XCTAssertEqual(gdp(d, .target)?.growthPct, 4)
        XCTAssertEqual(d.sections.first?.title, "奋力谱写中国式现代化密云新篇章")
    }

    func testWireJSONUsesSnakeCase() throws {
        let d = try parser.parse(bytes: try Corpus.bytes("000"), fileName: "000.txt")
        let json = String(decoding: try WireJSON.encode(d), as: UTF8.self)
        for key in ["\"paragraph_index\"", "\"paragraph_count\"", "\"growth_pct\"", "\"review_year\"", "\"parser_version\""] {
            XCTAssertTrue(json.contains(key), key)
        }
        XCTAssertEqual(try WireJSON.decode(ParsedDocument.self, from: try WireJSON.encode(d)), d)
    }
}

/// Every sample in every re-encoding and wrapping a user sends gives the same region, years
/// and headline figures as the sample itself.
final class EverySampleVariantTests: XCTestCase {
    private let parser = ReportParser()

    func testEncodingsAndWebPagesOfEverySample() throws {
        for report in try Corpus.reports() {
            let text = try Corpus.text(report.sample.number)
            let expected = HeadlineFigures(report.document)
            let variants: [(String, [UInt8])] = [
                ("gb18030", SampleVariants.gb18030(text)),
                ("utf-16", SampleVariants.utf16LittleEndian(text)),
                ("html utf-8", SampleVariants.htmlPage(text)),
                ("html gbk", SampleVariants.htmlPage(text, charset: "gbk")),
            ]
            for (name, bytes) in variants {
                let d = try parser.parse(bytes: bytes, fileName: "\(report.id).\(name.hasPrefix("html") ? "html" : "txt")")
                XCTAssertEqual(HeadlineFigures(d), expected, "\(report.id) as \(name)")
            }
        }
    }

    func testExcerptsWithoutTitleKeepRegionYearsAndFigures() throws {
        for report in try Corpus.reports() {
            let text = try Corpus.text(report.sample.number)
            // From the first top-level heading on: no title, no dateline, no web header.
            let start = try XCTUnwrap(text.range(of: "第一部分") ?? text.range(of: "一、"), report.id)
            let d = try parser.parse(bytes: Array(text[start.lowerBound...].utf8), fileName: "excerpt.txt")
            XCTAssertNil(d.title, report.id)
            XCTAssertEqual(HeadlineFigures(d), HeadlineFigures(report.document), report.id)
        }
    }
}
