import Foundation
import ReportProtocol
import XCTest
@testable import Daemon

/// The daemon decodes each result whole before storing it, and reads only what it needs.
final class ResultCheckTests: XCTestCase {
    private func document() -> ParsedDocument {
        var document = ParsedDocument(title: "2023年政府工作报告", region: "延庆区", encoding: "utf-8",
                                      paragraphs: ["一、回顾", "全区地区生产总值增长5%。"],
                                      sections: [Section(number: "一", title: "回顾", level: 1, paragraphIndex: 0, paragraphCount: 2)],
                                      indicators: [], parserVersion: "1")
        document.sentences = [SentenceSpan(paragraphIndex: 1, start: 0, end: 12)]
        return document
    }

    private func object(_ value: some Encodable) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(WireJSON.encode(value))) as? [String: Any])
    }

    private func bytes(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object))
    }

    /// What the parse stage keeps of a parser's answer beside its bytes.
    private func parsed(_ body: [UInt8]) throws -> (paragraphs: [String], headline: DocumentHeadline, facts: DocumentFacts) {
        guard case .document(let paragraphs, let headline, let facts) = try Stage.parse.check(body) else {
            throw UnexpectedOutput()
        }
        return (paragraphs, headline, facts)
    }

    private struct UnexpectedOutput: Error {}

    func testAParsedDocumentGivesItsParagraphs() throws {
        XCTAssertEqual(try parsed(WireJSON.encode(document())).paragraphs, ["一、回顾", "全区地区生产总值增长5%。"])
    }

    func testAParsedDocumentGivesTheHeadlineOfItsDoneEvent() throws {
        var withYear = document()
        withYear.planYear = 2023
        withYear.indicators = [Indicator(name: "地区生产总值", kind: .actual, evidence: "增长5%。"), Indicator(name: "税收", kind: .target, evidence: "增长3%。")]
        XCTAssertEqual(try parsed(WireJSON.encode(withYear)).headline,
                       DocumentHeadline(title: "2023年政府工作报告", region: "延庆区", planYear: 2023, indicators: 2))
        let facts = try parsed(WireJSON.encode(withYear)).facts
        XCTAssertEqual(facts.report.indicators.map(\.name), ["地区生产总值", "税收"], "the facts tables' rows come from the same check")
        XCTAssertEqual(facts.report.region.name, "延庆区")
        XCTAssertEqual(facts.spans.count, 2)
        var untitled = try object(withYear)
        untitled["title"] = nil
        XCTAssertEqual(try parsed(bytes(untitled)).headline,
                       DocumentHeadline(title: nil, region: "延庆区", planYear: 2023, indicators: 2),
                       "a missing optional field is null in the headline")
        var textualYear = untitled
        textualYear["plan_year"] = "2023"
        XCTAssertThrowsError(try ResultCheck.parsedDocument(bytes(textualYear)),
                             "an optional field of the wrong type breaks the contract every consumer decodes by")
    }

    func testAParsedDocumentWithAMissingOrMistypedFieldAtAnyDepthIsRefusedForGood() throws {
        let valid = try object(document())
        for (key, replacement) in [("paragraphs", nil), ("parser_version", nil), ("sections", "none" as Any?),
                                   ("indicators", 3), ("encoding", ["utf-8"]), ("paragraphs", [1, 2]),
                                   ("sections", [["title": 3]]), ("indicators", [["name": "GDP"]])] {
            var broken = valid
            broken[key] = replacement
            XCTAssertThrowsError(try ResultCheck.parsedDocument(bytes(broken)), "\(key) = \(String(describing: replacement))") { error in
                let failure = error as? JobFailure
                XCTAssertEqual(failure?.retryable, false)
                XCTAssertTrue(failure?.reason.contains("not a valid ParsedDocument") == true, failure?.reason ?? "\(error)")
            }
        }
        XCTAssertThrowsError(try ResultCheck.parsedDocument(Array("[]".utf8)))
        XCTAssertThrowsError(try ResultCheck.parsedDocument(Array("{\"paragraphs\": [".utf8)))
    }

    func testSummaryAndIndexResultsAreCheckedByTheirRequiredFields() throws {
        let summary = SummaryResult(keywords: [.init(term: "冬奥", weight: 0.5)], summary: ["一句。"], dictionary: "jieba")
        XCTAssertEqual(try ResultCheck.summary(WireJSON.encode(summary)), 1, "its keyword count")
        var noDictionary = try object(summary)
        noDictionary["dictionary"] = nil
        XCTAssertThrowsError(try ResultCheck.summary(bytes(noDictionary)))

        let index = IndexResult(paragraphs: 2, characters: 40, indexSchema: 3)
        XCTAssertNoThrow(try ResultCheck.index(WireJSON.encode(index), from: ServiceName.indexer))
        var textual = try object(index)
        textual["characters"] = "40"
        XCTAssertThrowsError(try ResultCheck.index(bytes(textual), from: ServiceName.indexer)) { error in
            XCTAssertTrue((error as? JobFailure)?.reason.contains("the indexer worker") == true)
        }
    }
}
