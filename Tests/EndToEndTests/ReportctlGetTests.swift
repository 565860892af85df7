import Foundation
import ReportProtocol
import XCTest

/// `reportctl get` against a real reportd that parsed, indexed and summarized a real sample.
final class ReportctlGetTests: XCTestCase {
    func testGetByShortIdPrintsWhatThePipelineStored() throws {
        let sample = try SampleDaemon(test: self)
        let shortId = String(sample.reportId.prefix(12))

        let json = try sample.reportctl.run(["get", shortId, "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
        let report = try WireJSON.decode(ReportView.self, from: Array(json.output.utf8))
        XCTAssertEqual(report.reportId, sample.reportId)
        XCTAssertEqual(report.file, sample.file)
        XCTAssertEqual(report.state, "done")
        let document = try XCTUnwrap(report.document, "a done report has its parsed document")
        XCTAssertEqual(document.region, "门头沟区")
        XCTAssertFalse(document.sections.isEmpty)
        XCTAssertTrue(document.indicators.contains { $0.name == "地区生产总值" }, "\(document.indicators.map(\.name))")
        XCTAssertNotNil(report.index)
        XCTAssertFalse(report.summary?.keywords.isEmpty ?? true)
        let topics = report.events.map(\.topic)
        XCTAssertEqual(topics.count, 5, "\(topics)")
        XCTAssertEqual(topics.first, .accepted)
        XCTAssertEqual(topics.dropFirst().first, .parsed)
        XCTAssertEqual(Set(topics.dropFirst(2).prefix(2)), [.indexed, .summarized], "index and summary run side by side")
        XCTAssertEqual(topics.last, .done)
        XCTAssertTrue(report.events.allSatisfy { $0.reportId == sample.reportId })

        let text = try sample.reportctl.run(["get", shortId])
        XCTAssertEqual(text.status, 0, text.errorOutput)
        let lines = text.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Report") && $0.hasSuffix(sample.reportId) }, text.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("File") && $0.hasSuffix(sample.file) }, text.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Region") && $0.hasSuffix("门头沟区") }, text.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Division") && $0.hasSuffix("北京市门头沟区, district, code 110109") }, text.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("State") && $0.hasSuffix(" done") }, "a report done at the first try: \(text.output)")
        // The outline: every top-level section on a line of its own, indented once, with where it starts.
        XCTAssertTrue(lines.contains("Sections"), text.output)
        for section in document.sections {
            let expected = "  \(section.number ?? "")"
            XCTAssertTrue(lines.contains { $0.hasPrefix(expected) && $0.contains(section.title)
                                           && $0.hasSuffix("(¶\(section.paragraphIndex), \(section.paragraphCount) paragraphs)") },
                          "no outline line for \(section.title) in\n\(text.output)")
        }
        // What the word-processor sample's two parts are called, as the parser normalises them.
        XCTAssertTrue(lines.contains { $0.hasPrefix("  一、2022年工作回顾  (¶") }, "the review is outlined:\n\(text.output)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  二、2023年主要任务  (¶") }, "the plan is outlined:\n\(text.output)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("    （一）坚持生态立区") }, "sub-sections are indented under their part")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Indicators (\(document.indicators.count))") }, text.output)
        let gdp = lines.filter { $0.hasPrefix("  地区生产总值 ") }
        XCTAssertTrue(gdp.contains { $0.contains("actual") && $0.contains("275") && $0.contains("亿元") && $0.contains("+1.5%") },
                      "the reviewed 地区生产总值 (275 亿元, +1.5%) has a row:\n\(text.output)")
        XCTAssertTrue(gdp.contains { $0.contains("target") && $0.contains("+4%") && $0.contains("about") },
                      "the planned 地区生产总值 (about +4%) has a row:\n\(text.output)")
        for topic in topics {
            XCTAssertTrue(lines.contains { $0.hasSuffix(topic.rawValue) }, "history lists \(topic.rawValue)")
        }
    }

    func testUnknownAndMalformedIdsFailWithAReason() throws {
        let sample = try SampleDaemon(test: self)
        // Hex, well formed, and not a prefix of the one stored report.
        let unknown = sample.reportId.hasPrefix("0") ? "ffffffffffff" : "000000000000"

        let missing = try sample.reportctl.run(["get", unknown])
        XCTAssertEqual(missing.status, 66, "EX_NOINPUT: no such report. \(missing.output)")
        XCTAssertTrue(missing.errorOutput.contains("the daemon refused get: no report with id \(unknown)"), missing.errorOutput)
        XCTAssertEqual(missing.output, "")

        for malformed in [String(sample.reportId.prefix(7)), "门头沟区报告", "xyz12345abc", String(repeating: "a", count: 65)] {
            let run = try sample.reportctl.run(["get", malformed])
            XCTAssertEqual(run.status, 64, "EX_USAGE: \(malformed) is not an id")
            XCTAssertTrue(run.errorOutput.contains("'\(malformed)' is not a report id"), run.errorOutput)
        }
    }
}
