import Foundation
import XCTest
import ReportParsing
import TestSupport

final class ParseFailureTests: XCTestCase {
    private func failure(_ bytes: [UInt8], _ fileName: String) -> ParseFailure? {
        do {
            _ = try ReportParser().parse(bytes: bytes, fileName: fileName)
            return nil
        } catch {
            return error as? ParseFailure
        }
    }

    func testBadInputsFailWithAReasonNamingFileAndProblem() throws {
        let cases: [([UInt8], String, String)] = [
            ([], "empty.txt", "empty"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "scan.txt", "a PNG image"),
            (Array("%PDF-1.4\n".utf8), "report.pdf", "a damaged PDF document"),
            (Array("GIF89a".utf8) + [1, 0, 1, 0, 0], "chart.docx", "a GIF image"),
            (Array("hello\0world".utf8), "blob.bin", "binary data"),
            (Array("This is an English memo about budgets, not a report at all.".utf8), "memo.txt", "no Chinese report"),
        ]
        for (bytes, name, problem) in cases {
            let f = try XCTUnwrap(failure(bytes, name), name)
            XCTAssertFalse(f.retryable, name)
            XCTAssertTrue(f.reason.hasPrefix(name + ": "), f.reason)
            XCTAssertTrue(f.reason.contains(problem), f.reason)
        }
    }

    func testFileCutMidCharacterStillParses() throws {
        let full = Array(try Corpus.text("004").utf8)
        var cut = Array(full.prefix(20000))
        while cut.last! < 0xC0 { cut.removeLast() }   // end on the lead byte of a character
        let d = try ReportParser().parse(bytes: cut, fileName: "cut.txt")
        XCTAssertEqual(d.encoding, "utf-8")
        XCTAssertEqual(d.region, "平谷区")
        XCTAssertEqual(d.sections.first?.title, "2022年工作回顾")
    }
}
