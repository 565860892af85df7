import ChineseText
import Foundation
import ReportProtocol
import XCTest
@testable import ReportSummarizing
import TestSupport

/// The shortcuts the summarizer takes for speed give the answers of the plain ways.
final class SummarizerSpeedPartsTests: XCTestCase {
    private static let samples = ["000", "001", "002", "003", "004"]

    func testSentenceSpansCutWhereTheSentenceSplitterCuts() throws {
        for number in Self.samples {
            for paragraph in try Corpus.document(number).paragraphs {
                let scalars = paragraph.unicodeScalars.map(\.value)
                let sliced = WholeSentenceSpans.of(scalars).map { range in
                    String(String.UnicodeScalarView(scalars[range].compactMap(Unicode.Scalar.init)))
                }
                XCTAssertEqual(sliced, SentenceSplitter.wholeSentences(of: paragraph), number)
            }
        }
        for tricky in ["牢记“嘱托。坚持发展。", " 前有空格。　后有全角空格。 ", "没有句末", "按照“简约。”的要求。"] {
            let scalars = tricky.unicodeScalars.map(\.value)
            let sliced = WholeSentenceSpans.of(scalars).map { range in
                String(String.UnicodeScalarView(scalars[range].compactMap(Unicode.Scalar.init)))
            }
            XCTAssertEqual(sliced, SentenceSplitter.wholeSentences(of: tricky), tricky)
        }
    }

    /// The inverted index meets exactly the pairs that share a term, in the order of a double
    /// loop, so the scores equal those of the graph over all pairs to the last bit.
    func testTheSentenceGraphEqualsTheOneOverAllPairs() throws {
        let summarizer = try SummarizerSampleTests.shared.get()
        let filter = TermFilter(segmenter: summarizer.segmenter, stopWords: summarizer.stopWords)
        let terms = DocumentTerms(try Corpus.document("002").paragraphs, filter: filter)
        let sentences = terms.passages.map { Array(Set($0)).sorted() }.filter { $0.count >= 2 }
        var allPairs = TextRank(nodeCount: sentences.count)
        for a in sentences.indices {
            for b in sentences.indices where b > a {
                let shared = Set(sentences[a]).intersection(sentences[b]).count
                guard shared > 0 else { continue }
                allPairs.connect(a, b, weight: Double(shared) / (log(Double(sentences[a].count) + 1) + log(Double(sentences[b].count) + 1)))
            }
        }
        let indexed = SentenceSelector().similarityGraph(sentences, termCount: terms.terms.count)
        XCTAssertEqual(indexed.scores(), allPairs.scores())
    }

    func testParallelLinksCountAsOneLinkOfTheirSummedWeight() {
        var parallel = TextRank(nodeCount: 4)
        var summed = TextRank(nodeCount: 4)
        for _ in 0..<3 { parallel.connect(0, 1, weight: 1) }
        parallel.connect(1, 2, weight: 2)
        parallel.connect(2, 1, weight: 0.5)
        parallel.connect(2, 3, weight: 1)
        summed.connect(0, 1, weight: 3)
        summed.connect(1, 2, weight: 2.5)
        summed.connect(2, 3, weight: 1)
        for (a, b) in zip(parallel.scores(), summed.scores()) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    func testTermKeysAreEqualByTheirBytes() {
        XCTAssertEqual(TermKey("生态涵养"), TermKey("生态" + "涵养"))
        XCTAssertNotEqual(TermKey("生态涵养"), TermKey("生态涵养区"))
        XCTAssertEqual(Set([TermKey("冬奥"), TermKey(String("冬奥会".dropLast()))]).count, 1)
    }
}
