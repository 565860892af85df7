import Foundation
import ReportProtocol
import TestSupport
import XCTest

/// Issue 15 through the real daemon: the State Council's reports of Tests/Fixtures/real dropped
/// into the inbox (one of them twice, as GBK and as UTF-8), then `reportctl track`, `series`,
/// `get --cite` and the `target.resolved` feed topic, answered off the loop from the facts tables.
final class AnalysisEndToEndTests: XCTestCase {
    private static let years = [2014, 2015, 2016, 2018]

    private struct Dropped {
        let daemon: DaemonProcess
        let reportctl: Reportctl
        /// By file name.
        let ids: [String: String]
        let live: [FeedEnvelope]
    }

    /// Drops the four reports and a UTF-8 copy of 2015's, as a user with both downloads would.
    private func dropNationalReports() throws -> Dropped {
        let daemon = try DaemonProcess()
        try daemon.start()
        let subscriber = try FeedSubscriber(endpoint: daemon.feedEndpoint, topic: "target.")
        Thread.sleep(forTimeInterval: 0.3)  // the subscription reaches the XPUB before the first event
        var ids: [String: String] = [:]
        for year in Self.years {
            let name = "cn_national_\(year).gbk.txt"
            let bytes = Array(try Data(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("real/\(name)")))
            try daemon.dropByRename(bytes, as: name)
            ids[name] = ContentHash.of(bytes)
            if year == 2015 {
                let text = try XCTUnwrap(String(data: Data(bytes), encoding: Corpus.gb18030))
                let copy = Array(text.utf8)
                try daemon.dropByRename(copy, as: "cn_national_2015.utf8.txt")
                ids["cn_national_2015.utf8.txt"] = ContentHash.of(copy)
            }
        }
        // Five national reports through debug plugins on a shared machine: the wait only bounds a hang.
        try daemon.awaitHistory(within: 300, "report.done of the national reports") { events in
            Set(ids.values).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }
        let live = try subscriber.collect(timeout: 10) { events in events.contains { $0.data["indicator"]?.stringValue == "地区生产总值" && $0.data["year"]?.intValue == 2015 } }
        return Dropped(daemon: daemon, reportctl: try Reportctl(daemon: daemon, test: self), ids: ids, live: live)
    }

    func testTrackGivesOneRowPerYearWithTheTargetTheActualAndTheVerdictAndCopiesCountOnce() throws {
        let run = try dropNationalReports()
        let track = try run.reportctl.run(["track", "国内生产总值", "--json"])
        XCTAssertEqual(track.status, 0, track.errorOutput)
        let view = try WireJSON.decode(TrackView.self, from: Array(track.output.utf8))
        XCTAssertEqual(view.indicator, "地区生产总值")
        XCTAssertEqual(view.rows.map(\.year), [2014, 2015, 2016, 2018], "one row per year: the two copies of 2015 are one")
        XCTAssertTrue(view.rows.allSatisfy { $0.region == "全国" })
        let byYear = Dictionary(uniqueKeysWithValues: view.rows.map { ($0.year, $0) })
        // 2014: 7.5%左右 against 7.4% (the 2015 report's review): met, 0.1 below.
        XCTAssertEqual(byYear[2014]?.target?.growthPct, 7.5)
        XCTAssertEqual(byYear[2014]?.target?.qualifier, .about)
        XCTAssertEqual(byYear[2014]?.actual?.growthPct, 7.4)
        XCTAssertEqual(byYear[2014]?.verdict, "met")
        XCTAssertEqual(byYear[2014]?.difference, -0.1)
        XCTAssertEqual(byYear[2014]?.target?.reportId, run.ids["cn_national_2014.gbk.txt"])
        // 2015: 7%左右 against 6.9% (2016's review): met. Its target is read from one copy, naming the other.
        XCTAssertEqual(byYear[2015]?.target?.growthPct, 7)
        XCTAssertEqual(byYear[2015]?.actual?.growthPct, 6.9)
        XCTAssertEqual(byYear[2015]?.verdict, "met")
        let copies2015 = Set([run.ids["cn_national_2015.gbk.txt"]!, run.ids["cn_national_2015.utf8.txt"]!])
        let target2015 = try XCTUnwrap(byYear[2015]?.target)
        XCTAssertEqual(Set([target2015.reportId] + target2015.copies), copies2015)
        XCTAssertEqual(Set(try XCTUnwrap(byYear[2014]?.actual).copies + [byYear[2014]!.actual!.reportId]), copies2015)
        // 2016: 6.5%－7%, and 2018: 6.5%左右: no stored report reviews them.
        XCTAssertEqual(byYear[2016]?.target?.growthPct, 6.5)
        XCTAssertEqual(byYear[2016]?.target?.growthPctHigh, 7)
        XCTAssertEqual(byYear[2016]?.verdict, "pending")
        XCTAssertEqual(byYear[2018]?.target?.growthPct, 6.5)
        XCTAssertEqual(byYear[2018]?.verdict, "pending")

        let narrowed = try run.reportctl.run(["track", "国内生产总值", "--level", "national", "--from", "2015", "--to", "2016", "--csv"])
        XCTAssertEqual(narrowed.status, 0, narrowed.errorOutput)
        let lines = narrowed.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first?.hasPrefix("region,year,indicator,target,actual,verdict,gap"), true, narrowed.output)
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") },
                       ["全国,2015,地区生产总值,7%左右,6.9%,met", "全国,2016,地区生产总值,6.5%–7%,,pending"], narrowed.output)

        let table = try run.reportctl.run(["track", "国内生产总值"])
        XCTAssertEqual(table.status, 0, table.errorOutput)
        XCTAssertTrue(table.output.contains("7.5%左右"), table.output)
        XCTAssertTrue(table.output.contains("+1 copies"), table.output)

        // compare lists the documents' figures, and counts the two copies of 2015 once too.
        let compare = try run.reportctl.run(["compare", "国内生产总值", "--json"])
        XCTAssertEqual(compare.status, 0, compare.errorOutput)
        let compared = try WireJSON.decode(CompareView.self, from: Array(compare.output.utf8))
        XCTAssertEqual(compared.rows.map(\.year), [2013, 2014, 2015, 2017], "a row per report, by the year it reviews")
        let row2015 = try XCTUnwrap(compared.rows.first { $0.year == 2014 })
        XCTAssertEqual(Set([row2015.reportId] + row2015.copies), copies2015)
        XCTAssertEqual(row2015.actual?.growthPct, 7.4)
    }

    func testEachSettledTargetIsAnnouncedOnceOnTheFeedAndKeptForReplay() throws {
        let run = try dropNationalReports()
        let gdp = { (events: [FeedEnvelope]) in
            events.filter { $0.topic == .targetResolved && $0.data["indicator"]?.stringValue == "地区生产总值" }
        }
        let live = gdp(run.live)
        XCTAssertTrue(live.contains { $0.data["year"]?.intValue == 2015 && $0.data["verdict"]?.stringValue == "met" },
                      "\(run.live.map(\.data))")
        let stored = gdp(try run.daemon.history())
        let rows = try stored.map { try $0.data.decode(TargetRow.self) }
        XCTAssertEqual(rows.map(\.year).sorted(), [2014, 2015], "each pair once, though 2015's report came twice")
        let row2014 = try XCTUnwrap(rows.first { $0.year == 2014 })
        XCTAssertEqual(row2014.verdict, "met")
        XCTAssertEqual(row2014.verdictText, "met")
        XCTAssertEqual(row2014.target?.growthPct, 7.5)
        XCTAssertEqual(row2014.actual?.growthPct, 7.4)
        XCTAssertTrue(stored.allSatisfy { $0.file.hasPrefix("cn_national_") })
        let status = try run.reportctl.run(["get", String(run.ids["cn_national_2014.gbk.txt"]!.prefix(12)), "--json"])
        XCTAssertEqual(status.status, 0, status.errorOutput)
        XCTAssertEqual(try WireJSON.decode(ReportView.self, from: Array(status.output.utf8)).state, "done",
                       "a report's state is its pipeline's, whatever analysis events name it")
    }

    func testSeriesAndCiteAnswerFromTheStoredFacts() throws {
        let run = try dropNationalReports()
        let series = try run.reportctl.run(["series", "全国", "国内生产总值", "--json"])
        XCTAssertEqual(series.status, 0, series.errorOutput)
        let view = try WireJSON.decode(SeriesView.self, from: Array(series.output.utf8))
        XCTAssertEqual(view.region, "全国")
        // 2013 and 2017 are reviewed by a stored report but planned by none: an actual without a target.
        XCTAssertEqual(view.rows.map(\.year), [2013, 2014, 2015, 2016, 2017, 2018])
        XCTAssertEqual(view.rows.first?.actual?.growthPct, 7.7)
        XCTAssertNil(view.rows.first?.target)
        XCTAssertEqual(view.rows.first { $0.year == 2014 }?.verdict, "met")

        let id = try XCTUnwrap(run.ids["cn_national_2015.gbk.txt"])
        let cite = try run.reportctl.run(["get", id, "--cite", "--json"])
        XCTAssertEqual(cite.status, 0, cite.errorOutput)
        let figures = try WireJSON.decode(CiteView.self, from: Array(cite.output.utf8)).figures
        XCTAssertFalse(figures.isEmpty)
        XCTAssertTrue(figures.allSatisfy { !$0.sentence.isEmpty })
        let target = try XCTUnwrap(figures.first { $0.kind == .target && $0.growthPct == 7 })
        XCTAssertTrue(target.sentence.contains("7%左右"), target.sentence)
        XCTAssertNotNil(target.paragraph)
        let text = try run.reportctl.run(["get", id, "--cite"])
        XCTAssertEqual(text.status, 0, text.errorOutput)
        XCTAssertTrue(text.output.contains("¶\(target.paragraph! + 1)  目标 2015"), text.output)
    }

    func testASeriesOfAnUnknownRegionSaysSo() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let run = try Reportctl(daemon: daemon, test: self).run(["series", "火星省"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errorOutput.contains("no done report is of a region named 火星省"), run.errorOutput)
    }
}
