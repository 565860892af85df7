import XCTest
import ChineseText
import ReportProtocol
@testable import ReportIndexing

/// The normaliser and the search tokenizer read characters through one `ScalarClass`: every
/// character the normaliser treats as Han is one the index searches as Chinese.
final class ScalarClassAgreementTests: XCTestCase {
    func testEveryCharacterTheNormaliserCallsHanIsAnIdeographToTheTokenizer() {
        var han = 0
        for value in UInt32(0)...0x10FFFF where ScalarClass.isHan(value) {
            han += 1
            guard ScalarClass.of(value) == .ideograph else {
                return XCTFail(String(format: "U+%04X is Han to the normaliser but not an ideograph to the index", value))
            }
        }
        XCTAssertGreaterThan(han, 90_000, "the Han blocks, the supplementary extensions included")
    }

    /// Extension B, the compatibility supplement, G and H: the normaliser joins them to a number as
    /// it joins 年 (`2022 年` → `2022年`), and the index finds each as a word of its own.
    func testCharactersOfTheSupplementaryExtensionsAreHanToTheNormaliserAndTheIndex() throws {
        let index = try SearchIndex(path: try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        for (number, scalar) in [0x2A700, 0x2F800, 0x30000, 0x31350].enumerated() {
            let character = String(Unicode.Scalar(UInt32(scalar))!)
            XCTAssertTrue(ScalarClass.isHan(Unicode.Scalar(UInt32(scalar))!), character)
            XCTAssertEqual(InlineCleanup.clean("2022 \(character)\(character)"), "2022\(character)\(character)")
            let document = ParsedDocument(encoding: "utf-8", paragraphs: ["甲\(character)\(character)乙"], sections: [],
                                          indicators: [], parserVersion: "test")
            _ = try index.index(reportId: "r\(number)", file: "r\(number).txt", document: document)
            XCTAssertEqual(try index.reportIds("\(character)\(character)"), ["r\(number)"], character)
        }
    }
}
