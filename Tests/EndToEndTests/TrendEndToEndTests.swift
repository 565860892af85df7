import Foundation
import ReportProtocol
import XCTest

/// `reportctl trend` through the real daemon, searcher and reportctl, over the five samples:
/// the counts are those of the stored paragraphs, the rates those of the indexed characters.
final class TrendEndToEndTests: CorpusDaemonTestCase {
    func testTheCountsAreThoseOfTheStoredTextByRegionAndTheTotalsAddUp() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        let stored = try CorpusDaemon.samples.map { try corpus.view($0) }
        for phrase in ["冬奥", "生态涵养区", "门头沟", "量发", "高质量发展", "鲸鱼潜艇"] {
            let response = try reportctl.trend([phrase, "--by", "region"])
            XCTAssertEqual(response.phrase, phrase)
            XCTAssertEqual(response.by, .region)
            let counts = stored.map { Self.occurrences(of: phrase, in: $0.document!) }
            XCTAssertEqual(response.total.occurrences, counts.reduce(0, +), phrase)
            XCTAssertEqual(response.total.reportsWith, counts.filter { $0 > 0 }.count, phrase)
            XCTAssertEqual(response.total.reports, stored.count, phrase)
            XCTAssertEqual(response.total.characters, stored.reduce(0) { $0 + $1.index!.characters }, phrase)
            for group in response.groups {
                let members = stored.indices.filter { stored[$0].document?.region == group.key }
                XCTAssertFalse(members.isEmpty, "\(phrase): a group of no report, \(group.key ?? "-")")
                XCTAssertEqual(group.occurrences, members.reduce(0) { $0 + counts[$1] }, "\(phrase) in \(group.key ?? "-")")
                XCTAssertEqual(group.characters, members.reduce(0) { $0 + stored[$1].index!.characters })
            }
        }
    }

    func testTheTableNamesThePeakAndTheCSVHasARowPerGroup() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        let response = try reportctl.trend(["冬奥", "--by", "region"])
        let peak = try XCTUnwrap(response.peak?.key)

        let table = try reportctl.run(["trend", "冬奥", "--by", "region"])
        XCTAssertEqual(table.status, 0, table.errorOutput)
        XCTAssertTrue(table.output.hasPrefix("冬奥: \(response.total.occurrences) times in \(response.total.reportsWith) of 5 reports"), table.output)
        XCTAssertTrue(table.output.contains("peak   \(peak): "), table.output)

        let csv = try reportctl.run(["trend", "冬奥", "--by", "region", "--csv"])
        XCTAssertEqual(csv.status, 0, csv.errorOutput)
        let lines = csv.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "group,reports,reports_with,occurrences,characters,per_10000")
        XCTAssertEqual(lines.count, response.groups.count + 1)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(peak),") }, csv.output)

        let none = try reportctl.run(["trend", "鲸鱼潜艇"])
        XCTAssertEqual(none.status, 0, none.errorOutput)
        XCTAssertEqual(none.output, "鲸鱼潜艇 occurs in none of the 5 indexed reports.\n")
    }

    func testARequestTheSearcherCannotCountIsInvalid() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reply = try corpus.daemon.control().request(.init(command: .trend, query: "，。"))
        XCTAssertFalse(reply.ok)
        XCTAssertEqual(reply.code, "invalid", reply.error ?? "")
        let grouping = try corpus.daemon.control().request(.init(command: .trend, query: "冬奥", by: "month"))
        XCTAssertEqual(grouping.code, "invalid", grouping.error ?? "")
        XCTAssertTrue(grouping.error?.contains("year, region, level") ?? false, grouping.error ?? "")
    }

    /// Every start of `phrase` in the stored paragraphs, overlapping places included.
    static func occurrences(of phrase: String, in document: ParsedDocument) -> Int {
        let needle = Array(phrase.unicodeScalars)
        return document.paragraphs.reduce(0) { sum, paragraph in
            let text = Array(paragraph.unicodeScalars)
            guard text.count >= needle.count else { return sum }
            return sum + (0...(text.count - needle.count)).filter { Array(text[$0..<($0 + needle.count)]) == needle }.count
        }
    }
}
