import XCTest
@testable import ReportIndexing

final class TokenizerTests: XCTestCase {
    private struct Token: Equatable, CustomStringConvertible {
        var text: String
        var colocated: Bool
        var description: String { colocated ? "+" + text : text }
    }

    private func tokens(_ text: String, _ mode: BigramScanner.Mode) -> [Token] {
        var result: [Token] = []
        var bytes = Array(text.utf8)
        let code = bytes.withUnsafeMutableBufferPointer { buffer in
            BigramScanner.scan(UnsafeBufferPointer(buffer), mode: mode) { token, start, end, colocated in
                result.append(Token(text: String(decoding: token, as: UTF8.self), colocated: colocated))
                XCTAssertLessThanOrEqual(start, end)
                return 0
            }
        }
        XCTAssertEqual(code, 0)
        return result
    }

    func testDocumentIdeographsYieldBigramsWithColocatedUnigrams() {
        XCTAssertEqual(tokens("冬奥会，", .document).map(\.description), ["冬奥", "+冬", "奥会", "+奥", "会"])
    }

    func testQueryIdeographsYieldBigramsAndAFinalUnigram() {
        XCTAssertEqual(tokens("冬奥会", .query).map(\.description), ["冬奥", "奥会", "会"])
        XCTAssertEqual(tokens("奥", .query).map(\.description), ["奥"])
    }

    func testLettersAndDigitsAreSeparateLowercaseWords() {
        XCTAssertEqual(tokens("PM2.5浓度 5G HiCool", .document).map(\.description),
                       ["pm", "2", "5", "浓度", "+浓", "度", "5", "g", "hicool"])
    }

    func testFullWidthAsciiIsFoldedToAscii() {
        XCTAssertEqual(tokens("ＰＭ２．５　２０２２年", .query).map(\.description), ["pm", "2", "5", "2022", "年"])
    }

    func testMalformedUtf8DoesNotStopTheScan() {
        var bytes = Array("延庆".utf8)
        bytes.insert(0xFF, at: 3)
        bytes.append(contentsOf: Array("abc".utf8))
        var seen: [String] = []
        _ = bytes.withUnsafeBufferPointer { buffer in
            BigramScanner.scan(buffer, mode: .query) { token, _, _, _ in
                seen.append(String(decoding: token, as: UTF8.self))
                return 0
            }
        }
        XCTAssertEqual(seen, ["延", "庆", "abc"])
    }

    func testAnEmitErrorStopsTheScan() {
        var calls = 0
        var bytes = Array("一二三四".utf8)
        let code = bytes.withUnsafeMutableBufferPointer { buffer in
            BigramScanner.scan(UnsafeBufferPointer(buffer), mode: .document) { _, _, _, _ in
                calls += 1
                return 5
            }
        }
        XCTAssertEqual(code, 5)
        XCTAssertEqual(calls, 1)
    }
}
