import XCTest
@testable import ReportIndexing

final class TokenizerTests: XCTestCase {
    private func tokens(_ text: String, _ mode: BigramScanner.Mode) -> [String] {
        var result: [String] = []
        var bytes = Array(text.utf8)
        let code = bytes.withUnsafeMutableBufferPointer { buffer in
            BigramScanner.scan(UnsafeBufferPointer(buffer), mode: mode) { token, start, end in
                result.append(String(decoding: token, as: UTF8.self))
                XCTAssertLessThanOrEqual(start, end)
                return 0
            }
        }
        XCTAssertEqual(code, 0)
        return result
    }

    /// Schema 3: one token per ideograph, the unigram only where a run ends.
    func testDocumentIdeographsYieldBigramsAndAUnigramWhereTheRunEnds() {
        XCTAssertEqual(tokens("冬奥会，办好", .document), ["冬奥", "奥会", "会", "办好", "好"])
    }

    /// The query's last run drops its final unigram (the document may hold that character as a
    /// bigram's start); a run followed by more text keeps it, and a lone character is itself.
    func testQueryIdeographsYieldBigramsAndAFinalUnigramOnlyBeforeMoreText() {
        XCTAssertEqual(tokens("冬奥会", .query), ["冬奥", "奥会"])
        XCTAssertEqual(tokens("冬奥会，", .query), ["冬奥", "奥会"])
        XCTAssertEqual(tokens("冬奥 服务", .query), ["冬奥", "奥", "服务"])
        XCTAssertEqual(tokens("冬奥2022", .query), ["冬奥", "奥", "2022"])
        XCTAssertEqual(tokens("奥", .query), ["奥"])
    }

    /// What FTS5 is asked: a lone final character as a prefix, both spellings where the query
    /// separates two runs, and a long chain of separated runs split into phrases that must all occur.
    func testMatchPhrasesCoverEveryWayTheDocumentMayHoldTheTerm() {
        XCTAssertEqual(MatchExpression.phrase(.init(text: "冬奥会")), "\"冬奥会\"")
        XCTAssertEqual(MatchExpression.phrase(.init(text: "奥")), "\"奥\"*")
        XCTAssertEqual(MatchExpression.phrase(.init(text: "2022年")), "\"2022 年\"*")
        XCTAssertEqual(MatchExpression.phrase(.init(text: "ＰＭ２．５")), "\"pm 2 5\"")
        XCTAssertEqual(MatchExpression.phrase(.init(text: "冬奥 服务")), "(\"冬奥 服务\" OR \"冬奥服务\")")
        XCTAssertEqual(MatchExpression.phrase(.init(text: "冬奥 会")), "(\"冬奥 会\"* OR \"冬奥会\")")
        XCTAssertEqual(MatchExpression.phrase(.init(text: "一 二 三 四 五 六")), "(\"一\"* AND \"二\"* AND \"三\"* AND \"四\"* AND \"五\"* AND \"六\"*)")
    }

    func testLettersAndDigitsAreSeparateLowercaseWords() {
        XCTAssertEqual(tokens("PM2.5浓度 5G HiCool", .document), ["pm", "2", "5", "浓度", "度", "5", "g", "hicool"])
    }

    func testFullWidthAsciiIsFoldedToAscii() {
        XCTAssertEqual(tokens("ＰＭ２．５　２０２２年", .query), ["pm", "2", "5", "2022", "年"])
    }

    func testMalformedUtf8DoesNotStopTheScan() {
        var bytes = Array("延庆".utf8)
        bytes.insert(0xFF, at: 3)
        bytes.append(contentsOf: Array("abc".utf8))
        var seen: [String] = []
        _ = bytes.withUnsafeBufferPointer { buffer in
            BigramScanner.scan(buffer, mode: .query) { token, _, _ in
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
            BigramScanner.scan(UnsafeBufferPointer(buffer), mode: .document) { _, _, _ in
                calls += 1
                return 5
            }
        }
        XCTAssertEqual(code, 5)
        XCTAssertEqual(calls, 1)
    }
}
