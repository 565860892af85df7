import XCTest
@testable import ChineseText
import TestSupport

/// `Segmenter.segmented` is what `tokens` is built on: spans with the word's table number.
final class SegmentedTextTests: XCTestCase {
    func testSpansCutTheSameTokensAsTokens() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        let text = try Corpus.text("003")
        let cut = segmenter.segmented(text)
        XCTAssertEqual(cut.spans.map { WordToken(text: cut.text($0.range), kind: $0.kind) }, segmenter.tokens(text))
        XCTAssertEqual(cut.scalarCount, text.unicodeScalars.count)
    }

    /// Equal numbers mean equal words and the reverse, in one text and across texts; only
    /// dictionary words have one.
    func testAWordsNumberIsTheSameAtEveryOccurrence() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        var textOfWord: [Int32: String] = [:]
        var wordOfText: [String: Int32] = [:]
        for number in ["000", "002"] {
            let cut = segmenter.segmented(try Corpus.text(number))
            for span in cut.spans {
                let text = cut.text(span.range)
                guard span.kind == .word else {
                    XCTAssertEqual(span.word, -1, text)
                    continue
                }
                XCTAssertGreaterThanOrEqual(span.word, 0, text)
                XCTAssertEqual(textOfWord[span.word, default: text], text)
                XCTAssertEqual(wordOfText[text, default: span.word], span.word, text)
                textOfWord[span.word] = text
                wordOfText[text] = span.word
            }
        }
        XCTAssertGreaterThan(textOfWord.count, 1000)
    }
}
