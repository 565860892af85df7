import Foundation
import ReportProtocol
import XCTest

/// `reportctl search` against a real reportd whose real indexer indexed a real sample.
final class ReportctlSearchTests: XCTestCase {
    func testSearchFindsTheIndexedReportAndHighlightsTheMatch() throws {
        let sample = try SampleDaemon(test: self)

        let text = try sample.reportctl.run(["search", "门头沟", "--limit", "5"])
        XCTAssertEqual(text.status, 0, text.errorOutput)
        let lines = text.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("1. 门头沟区") ?? false, "the first hit leads with its region:\n\(text.output)")
        XCTAssertTrue(lines.contains { $0.contains("【门头沟】") }, "a snippet highlights the query:\n\(text.output)")
        XCTAssertTrue(lines.contains { $0.contains("\(sample.reportId.prefix(12))  \(sample.file)  score ") },
                      "a hit names the short id and the file:\n\(text.output)")
        XCTAssertTrue(lines.last?.hasSuffix("for 门头沟") ?? false, text.output)

        let json = try sample.reportctl.run(["search", "门头沟", "--limit", "5", "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
        let response = try WireJSON.decode(SearchResponse.self, from: Array(json.output.utf8))
        XCTAssertEqual(response.query, "门头沟")
        XCTAssertFalse(response.hits.isEmpty)
        XCTAssertLessThanOrEqual(response.hits.count, 5, "--limit 5")
        XCTAssertTrue(response.hits.allSatisfy { $0.reportId == sample.reportId && $0.file == sample.file },
                      "only the one report is indexed: \(response.hits)")
        XCTAssertTrue(response.hits.contains { $0.snippet.contains("【门头沟】") }, "\(response.hits.map(\.snippet))")
        XCTAssertEqual(response.hits.count, lines.filter { $0.contains("  score ") }.count, "the text shows one block per hit")
    }

    func testAQueryNoReportContainsPrintsNoHitsAndSucceeds() throws {
        let sample = try SampleDaemon(test: self)

        let text = try sample.reportctl.run(["search", "鲸鱼潜艇"])
        XCTAssertEqual(text.status, 0, text.errorOutput)
        XCTAssertEqual(text.output, "No report matches 鲸鱼潜艇.\n")

        let json = try sample.reportctl.run(["search", "鲸鱼潜艇", "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
        XCTAssertEqual(try WireJSON.decode(SearchResponse.self, from: Array(json.output.utf8)).hits, [])
    }
}
