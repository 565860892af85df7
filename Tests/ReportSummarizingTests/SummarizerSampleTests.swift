import ChineseText
import Foundation
import ReportProtocol
import XCTest
@testable import ReportSummarizing

/// The summarizer on the five sample reports, with the real dictionaries and IDF table.
final class SummarizerSampleTests: XCTestCase {
    static let shared: Result<Summarizer, Error> = Result {
        try Summarizer.standard(configDirectory: FixtureDocument.repositoryRoot.appendingPathComponent("Config"))
    }

    private static let samples: [(file: String, district: String)] = [
        ("000_b0df4af220cc3310.txt", "延庆"),
        ("001_c4f1182ef43108cd.txt", "延庆"),
        ("002_71f5e4da6f442e07.txt", "密云"),
        ("003_844469fc1023d5d4.txt", "门头沟"),
        ("004_393ab6f294408f24.txt", "平谷"),
    ]

    func testKeywordsAreWholeDictionaryWordsAndNameTheDistrict() throws {
        let summarizer = try Self.shared.get()
        for sample in Self.samples {
            let result = summarizer.summarize(try FixtureDocument.parsed(sample.file))
            let terms = result.keywords.map(\.term)
            XCTAssertTrue((10...20).contains(terms.count), "\(sample.file): \(terms.count) keywords")
            XCTAssertEqual(Set(terms).count, terms.count, "\(sample.file): duplicate keywords \(terms)")
            XCTAssertTrue(terms.contains(sample.district), "\(sample.file): \(sample.district) not in \(terms)")
            for term in terms {
                XCTAssertGreaterThanOrEqual(term.unicodeScalars.count, 2, "\(sample.file): \(term)")
                XCTAssertTrue(summarizer.segmenter.isDictionaryWord(term), "\(sample.file): \(term) is no dictionary word")
                XCTAssertFalse(summarizer.stopWords.contains(term), "\(sample.file): stop word \(term)")
                XCTAssertFalse(term.unicodeScalars.contains { $0.properties.numericType == .decimal }, "\(sample.file): digits in \(term)")
                XCTAssertFalse(term.unicodeScalars.allSatisfy { $0.properties.numericType != nil }, "\(sample.file): number \(term)")
            }
            let weights = result.keywords.map(\.weight)
            XCTAssertEqual(weights, weights.sorted(by: >), "\(sample.file): keywords not by falling weight")
        }
    }

    func testYanqingKeywordsNameItsOwnThemes() throws {
        let summarizer = try Self.shared.get()
        for file in ["000_b0df4af220cc3310.txt", "001_c4f1182ef43108cd.txt"] {
            let terms = summarizer.summarize(try FixtureDocument.parsed(file)).keywords.map(\.term)
            XCTAssertTrue(terms.contains { $0.hasPrefix("冬奥") }, "\(file): \(terms)")
            XCTAssertTrue(terms.contains { $0.hasPrefix("世园") || $0.hasPrefix("长城") }, "\(file): \(terms)")
            XCTAssertTrue(terms.contains { $0.hasPrefix("生态") }, "\(file): \(terms)")
        }
    }

    func testSummaryIsWholeSentencesOfTheTextInDocumentOrder() throws {
        let summarizer = try Self.shared.get()
        for sample in Self.samples {
            let document = try FixtureDocument.parsed(sample.file)
            let result = summarizer.summarize(document)
            XCTAssertEqual(result.summary.count, 5, sample.file)
            XCTAssertEqual(result.dictionary, summarizer.segmenter.dictionaryVersion)

            let headings = Set(document.sections.map { document.paragraphs[$0.paragraphIndex] })
            let source = Self.withoutWhitespace(try FixtureDocument.text(sample.file))
            var lastPosition = (paragraph: -1, offset: -1)
            for sentence in result.summary {
                XCTAssertFalse(headings.contains(sentence), "\(sample.file): heading in summary: \(sentence)")
                XCTAssertTrue(Self.endsASentence(sentence), "\(sample.file): not a whole sentence: \(sentence)")
                XCTAssertNotNil(source.range(of: Self.withoutWhitespace(sentence)), "\(sample.file): not in the text: \(sentence)")

                guard let position = Self.position(of: sentence, in: document.paragraphs) else {
                    XCTFail("\(sample.file): not a sentence of one paragraph: \(sentence)")
                    continue
                }
                XCTAssertTrue(position > lastPosition, "\(sample.file): out of document order: \(sentence)")
                lastPosition = position
            }
        }
    }

    func testTheDuplicatedAbstractOfTheScrapedReportIsNotRepeated() throws {
        let summarizer = try Self.shared.get()
        let summary = summarizer.summarize(try FixtureDocument.parsed("001_c4f1182ef43108cd.txt")).summary
        XCTAssertEqual(Set(summary).count, summary.count)
    }

    func testAnEmptyDocumentGivesAnEmptyResult() throws {
        let summarizer = try Self.shared.get()
        let empty = ParsedDocument(encoding: "utf-8", paragraphs: [], sections: [], indicators: [], parserVersion: "test")
        let result = summarizer.summarize(empty)
        XCTAssertEqual(result.keywords, [])
        XCTAssertEqual(result.summary, [])
        XCTAssertEqual(result.dictionary, summarizer.segmenter.dictionaryVersion)
    }

    /// Where the sentence starts a paragraph or follows a sentence end in it: the paragraph index
    /// and the scalar offset. Nil when it is nowhere a whole sentence.
    private static func position(of sentence: String, in paragraphs: [String]) -> (paragraph: Int, offset: Int)? {
        for (index, paragraph) in paragraphs.enumerated() {
            var searchStart = paragraph.startIndex
            while let range = paragraph.range(of: sentence, range: searchStart..<paragraph.endIndex) {
                let before = paragraph[paragraph.startIndex..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                if before.isEmpty || endsASentence(before) {
                    return (index, paragraph.unicodeScalars.distance(from: paragraph.startIndex, to: range.lowerBound))
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }

    private static func endsASentence(_ text: String) -> Bool {
        let closers = Set("”’）)」』》】".unicodeScalars)
        guard let last = text.unicodeScalars.reversed().first(where: { !closers.contains($0) }) else { return false }
        return "。！？；!?;".unicodeScalars.contains(last)
    }

    private static func withoutWhitespace(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
