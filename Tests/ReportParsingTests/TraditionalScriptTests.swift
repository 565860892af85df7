import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// A traditional-script reprint, made from the samples with OpenCC's s2t tables: extraction
/// runs on simplified text, the original paragraphs stay available.
final class TraditionalScriptTests: XCTestCase {
    private let parser = ReportParser()

    func testTraditionalReprintsGiveTheSameReport() throws {
        for number in ["001", "003"] {
            let traditional = try SampleVariants.traditional(try Corpus.text(number))
            XCTAssertTrue(traditional.contains("區"), "the variant really is traditional")
            let d = try parser.parse(bytes: Array(traditional.utf8), fileName: "\(number)-trad.txt")
            XCTAssertEqual(d.script, "traditional", number)
            XCTAssertEqual(HeadlineFigures(d), HeadlineFigures(try Corpus.document(number)), number)
            let originals = try XCTUnwrap(d.originalParagraphs, number)
            XCTAssertEqual(originals.count, d.paragraphs.count, number)
            XCTAssertTrue(originals.joined().contains("地區生產總值"), number)
            XCTAssertTrue(d.paragraphs.joined().contains("地区生产总值"), number)
        }
    }

    func testSimplifiedTextKeepsNoSecondCopy() throws {
        let d = try Corpus.document("002")
        XCTAssertEqual(d.script, "simplified")
        XCTAssertNil(d.originalParagraphs)
    }
}
