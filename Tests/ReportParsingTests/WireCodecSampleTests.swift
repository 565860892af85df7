import Foundation
import ReportParsing
import ReportProtocol
import TestSupport
import XCTest

/// The parser's real documents and seeded random ones go through WireJSON exactly as through
/// the Codable path: the same bytes out, the same values back.
final class WireCodecSampleTests: XCTestCase {
    private func assertSameAsCodable(_ document: ParsedDocument, _ label: String) throws {
        let codable = Array(try WireJSON.encoder.encode(document))
        let wire = try WireJSON.encode(document)
        XCTAssertEqual(wire, codable, "\(label): WireJSON writes other bytes than JSONEncoder")
        XCTAssertEqual(try WireJSON.decode(ParsedDocument.self, from: codable), document, "\(label): read back differs")
        XCTAssertEqual(try WireJSON.encode(WireJSON.decode(ParsedDocument.self, from: codable)), codable, "\(label): written back differs")
        XCTAssertEqual(try WireJSON.decoder.decode(ParsedDocument.self, from: Data(wire)), document, label)
    }

    func testSampleDocumentsEncodeAndDecodeAsCodableDoes() throws {
        let reports = try Corpus.reports()
        XCTAssertEqual(reports.count, 5)
        for report in reports {
            try assertSameAsCodable(report.document, report.sample.file)
            // What the indexer and summarizer receive: the document's bytes inside an input.
            let input = DocumentInput(reportId: report.sample.number, file: report.sample.file, document: report.document)
            let read = try WireJSON.decode(DocumentInput.self, from: Array(try WireJSON.encoder.encode(input)))
            XCTAssertEqual(read.document, report.document)
            XCTAssertEqual([read.reportId, read.file], [input.reportId, input.file])
        }
    }

    func testParserJobAnswersWithTheDocumentsJSON() throws {
        let report = try Corpus.report("000")
        let bytes = try Corpus.bytes("000")
        let input = try WireJSON.encode(ParseInput(reportId: "000", file: report.sample.file))
        let result = try ParserJob().run(input: input, payload: bytes)
        XCTAssertEqual(result, Array(try WireJSON.encoder.encode(report.document)))
        XCTAssertThrowsError(try ParserJob().run(input: Array("{}".utf8), payload: bytes)) { error in
            XCTAssertEqual((error as? JobFailure)?.retryable, false)
            XCTAssertTrue((error as? JobFailure)?.reason.hasPrefix("input is not a valid ParseInput") == true, "\(error)")
        }
    }

    func testGeneratedDocumentsEncodeAndDecodeAsCodableDoes() throws {
        var random = SeededGenerator(seed: 7)
        for round in 0..<200 {
            try assertSameAsCodable(Self.generatedDocument(&random), "generated document \(round)")
        }
    }

    func testGeneratedSummariesEncodeAndDecodeAsCodableDoes() throws {
        var random = SeededGenerator(seed: 11)
        for round in 0..<100 {
            let document = Self.generatedDocument(&random)
            let summary = SummaryResult(
                keywords: (0..<Int.random(in: 0...8, using: &random)).map { _ in
                    .init(term: Self.text(&random), weight: Self.number(&random))
                },
                summary: document.paragraphs, dictionary: Self.text(&random),
                sectionSummaries: Bool.random(using: &random) ? nil : document.sections.map {
                    .init(title: $0.title, sentence: Bool.random(using: &random) ? nil : Self.text(&random))
                },
                indicatorDigest: Bool.random(using: &random) ? nil : document.indicators)
            let codable = Array(try WireJSON.encoder.encode(summary))
            XCTAssertEqual(try WireJSON.encode(summary), codable, "generated summary \(round)")
            XCTAssertEqual(try WireJSON.decode(SummaryResult.self, from: codable), summary, "generated summary \(round)")
        }
    }

    // MARK: Generated values

    /// Pieces a report's strings are made of, with everything JSON must escape and text beyond the BMP.
    static let pieces = ["政府工作报告", "地区生产总值", "增长6%", "\"", "\\", "/", "\n", "\t", "\r", "\u{0}", "\u{1F}", "\u{7F}",
                         "😀", "𠀀", "é", "e\u{301}", "\u{2028}", " ", "　", "abc", "1,200.5", "（一）", "**"]

    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func number(_ random: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return Double(Int.random(in: -1000...100_000, using: &random))
        case 1: return Double.random(in: -100...100, using: &random)
        case 2: return (Double.random(in: 0...10_000, using: &random) * 100).rounded() / 100
        default: return Double.random(in: 1e-9...1e20, using: &random)
        }
    }

    static func maybe<T>(_ random: inout SeededGenerator, _ make: (inout SeededGenerator) -> T) -> T? {
        Bool.random(using: &random) ? make(&random) : nil
    }

    static func section(_ random: inout SeededGenerator, depth: Int) -> Section {
        Section(number: maybe(&random, text), title: text(&random), level: depth + 1,
                paragraphIndex: Int.random(in: 0...500, using: &random), paragraphCount: Int.random(in: 0...50, using: &random),
                children: depth < 2 ? (0..<Int.random(in: 0...3, using: &random)).map { _ in section(&random, depth: depth + 1) } : [])
    }

    static func indicator(_ random: inout SeededGenerator) -> Indicator {
        var indicator = Indicator(name: text(&random), kind: Bool.random(using: &random) ? .actual : .target,
                                  value: maybe(&random, number), unit: maybe(&random, text), growthPct: maybe(&random, number),
                                  qualifier: maybe(&random) { [.about, .over, .under, .same].randomElement(using: &$0)! },
                                  year: maybe(&random) { Int.random(in: 1990...2030, using: &$0) },
                                  section: maybe(&random, text), evidence: text(&random))
        indicator.headline = maybe(&random) { Bool.random(using: &$0) }
        return indicator
    }

    static func generatedDocument(_ random: inout SeededGenerator) -> ParsedDocument {
        let paragraphs = (0..<Int.random(in: 0...20, using: &random)).map { _ in text(&random) }
        var document = ParsedDocument(
            title: maybe(&random, text), region: maybe(&random, text), reviewYear: maybe(&random) { Int.random(in: 1990...2030, using: &$0) },
            planYear: maybe(&random) { Int.random(in: 1990...2030, using: &$0) }, speaker: maybe(&random, text),
            meetingDate: maybe(&random, text), encoding: text(&random), paragraphs: paragraphs,
            sections: (0..<Int.random(in: 0...4, using: &random)).map { _ in section(&random, depth: 0) },
            indicators: (0..<Int.random(in: 0...6, using: &random)).map { _ in indicator(&random) }, parserVersion: text(&random))
        document.regionFull = maybe(&random, text)
        document.regionLevel = maybe(&random, text)
        document.speakerOffice = maybe(&random, text)
        document.session = maybe(&random, text)
        document.documentType = maybe(&random) { DocumentType(isReport: Bool.random(using: &$0), confidence: Double.random(in: 0...1, using: &$0), reason: text(&$0)) }
        document.sourceFormat = maybe(&random, text)
        document.script = maybe(&random, text)
        document.originalParagraphs = maybe(&random) { random in paragraphs.map { _ in text(&random) } }
        document.sentences = maybe(&random) { random in
            (0..<Int.random(in: 0...30, using: &random)).map { _ in
                SentenceSpan(paragraphIndex: Int.random(in: 0...20, using: &random), start: Int.random(in: 0...400, using: &random),
                             end: Int.random(in: 0...400, using: &random))
            }
        }
        return document
    }
}
