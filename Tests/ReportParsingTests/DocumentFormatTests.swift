import Foundation
import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// PDF and Word copies of a sample give the same report as its text: region, years, headline
/// figures, top-level sections. The PDF and the LibreOffice DOCX are committed fixtures
/// (Tests/Fixtures/variants/README.md says how they were made); the minimal DOCX is built here.
final class DocumentFormatTests: XCTestCase {
    private let parser = ReportParser()
    private var variants: URL { Repository.fixtures.appendingPathComponent("variants") }

    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: variants.appendingPathComponent(name)))
    }

    private func assertSameReport(_ copy: ParsedDocument, as original: ParsedDocument,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(HeadlineFigures(copy), HeadlineFigures(original), file: file, line: line)
        XCTAssertEqual(copy.title, original.title, file: file, line: line)
        XCTAssertEqual(copy.sections.map(\.title), original.sections.map(\.title), file: file, line: line)
        XCTAssertEqual(copy.sections.map(\.children.count), original.sections.map(\.children.count), file: file, line: line)
    }

    func testPDFExportParsesLikeTheText() throws {
        let d = try parser.parse(bytes: try fixture("003.pdf"), fileName: "report.pdf")
        XCTAssertEqual(d.sourceFormat, "pdf")
        XCTAssertEqual(d.encoding, "pdf")
        assertSameReport(d, as: try Corpus.document("003"))
        // Read by hand from the sample: 实现地区生产总值275亿元，同比增长1.5%.
        let gdp = try XCTUnwrap(d.indicators.first { $0.name == "地区生产总值" && $0.kind == .actual })
        XCTAssertEqual(gdp.value, 275)
        XCTAssertEqual(gdp.growthPct, 1.5)
        XCTAssertFalse(d.paragraphs.contains { $0.contains("\u{0C}") }, "page breaks are not text")
    }

    func testWordFileFromLibreOfficeParsesLikeTheText() throws {
        let d = try parser.parse(bytes: try fixture("003.docx"), fileName: "report.docx")
        XCTAssertEqual(d.sourceFormat, "docx")
        assertSameReport(d, as: try Corpus.document("003"))
    }

    func testMinimalWordFileWithHeadingStyles() throws {
        let text = try Corpus.text("002")
        let bytes = try SampleVariants.docx(text) { line in line.hasPrefix("一、") || line.hasPrefix("二、") }
        // The name says .txt: the format is sniffed from the bytes.
        let d = try parser.parse(bytes: bytes, fileName: "report.txt")
        XCTAssertEqual(d.sourceFormat, "docx")
        assertSameReport(d, as: try Corpus.document("002"))
    }

    func testEncryptedPDFIsRefusedAsSuch() {
        XCTAssertThrowsError(try parser.parse(bytes: try fixture("encrypted.pdf"), fileName: "secret.pdf")) { error in
            let reason = (error as? ParseFailure)?.reason ?? "\(error)"
            XCTAssertTrue(reason.hasPrefix("secret.pdf: the file is an encrypted PDF document"), reason)
        }
    }

    func testDamagedPDFIsRefusedAsSuch() throws {
        let cut = Array(try fixture("003.pdf").prefix(3000))
        XCTAssertThrowsError(try parser.parse(bytes: cut, fileName: "cut.pdf")) { error in
            let reason = (error as? ParseFailure)?.reason ?? "\(error)"
            XCTAssertTrue(reason.hasPrefix("cut.pdf: the file is a damaged PDF document"), reason)
            XCTAssertEqual((error as? ParseFailure)?.retryable, false)
        }
    }

    func testOtherZIPArchivesSayWhatTheyAre() throws {
        let workbook = try SampleVariants.zip([("xl/workbook.xml", Data("<workbook/>".utf8))])
        let archive = try SampleVariants.zip([("notes.txt", Data("政府工作报告".utf8))])
        for (bytes, what) in [(workbook, "an Excel workbook"), (archive, "a ZIP archive")] {
            XCTAssertThrowsError(try parser.parse(bytes: bytes, fileName: "upload.docx")) { error in
                XCTAssertTrue("\(error)".contains("the file is \(what)"), "\(error)")
            }
        }
    }
}
