import Foundation
import ReportProtocol
import XCTest

/// `reportctl compare` through the real daemon over the five samples.
final class CompareEndToEndTests: CorpusDaemonTestCase {
    func testJSONHasOneRowPerReportWithItsHeadlineActualAndNextYearsTarget() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let run = try corpus.reportctl(self).run(["compare", "地区生产总值", "--json"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        let view = try WireJSON.decode(CompareView.self, from: Array(run.output.utf8))
        XCTAssertEqual(view.indicator, "地区生产总值")
        // 000 and 001 are one report of 延庆 (a PDF's text and a web page): one row, naming the other.
        XCTAssertEqual(view.rows.count, 4)
        XCTAssertEqual(view.rows.flatMap { [$0.reportId] + $0.copies }.sorted(), corpus.reportIds.values.sorted())
        let yanqing = try XCTUnwrap(view.rows.first { $0.copies.count == 1 })
        XCTAssertEqual(Set([yanqing.reportId] + yanqing.copies), [corpus.reportIds["000"]!, corpus.reportIds["001"]!])
        XCTAssertEqual(view.rows.map { $0.region ?? "" }, view.rows.map { $0.region ?? "" }.sorted())
        for (sample, id) in corpus.reportIds {
            let document = try corpus.document(sample)
            guard let row = view.rows.first(where: { $0.reportId == id }) else { continue }  // the copy counted through the other
            let gdp = document.indicators.filter { $0.name == "地区生产总值" }
            XCTAssertEqual(row.region, document.region, sample)
            XCTAssertEqual(row.year, document.reviewYear, sample)
            XCTAssertEqual(row.actual, gdp.first { $0.kind == .actual }, sample)
            XCTAssertEqual(row.target, gdp.first { $0.kind == .target }, sample)
            XCTAssertEqual(row.target?.year, document.planYear, sample)
        }
        // 门头沟: 275亿元, +1.5% in 2022; a target of 4% for 2023 (Tests/Fixtures/corpus/003).
        let mentougou = try XCTUnwrap(view.rows.first { $0.reportId == corpus.reportIds["003"] })
        XCTAssertEqual(mentougou.actual?.value, 275)
        XCTAssertEqual(mentougou.actual?.growthPct, 1.5)
        XCTAssertEqual(mentougou.target?.growthPct, 4)
    }

    func testTableAndCSVShowTheSameRows() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        let table = try reportctl.run(["compare", "地区生产总值"])
        XCTAssertEqual(table.status, 0, table.errorOutput)
        XCTAssertTrue(table.output.contains("门头沟区  2022"), table.output)
        XCTAssertTrue(table.output.contains("275亿元"), table.output)

        let csv = try reportctl.run(["compare", "地区生产总值", "--csv"])
        XCTAssertEqual(csv.status, 0, csv.errorOutput)
        let lines = csv.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "region,year,actual,growth,target year,target,target growth,report,copies")
        XCTAssertEqual(lines.count, 1 + CorpusDaemon.samples.count - 1, "the two copies of 延庆's report are one row: \(csv.output)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("门头沟区,2022,275亿元,+1.5%,2023,,+4%") }, csv.output)
    }

    func testAnIndicatorNoReportStatesGivesAnEmptyComparison() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let run = try corpus.reportctl(self).run(["compare", "鲸鱼产量"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(run.output, "No stored report states 鲸鱼产量.\n")
    }
}
