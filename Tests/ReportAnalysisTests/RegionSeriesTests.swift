import XCTest
import ReportAnalysis

/// A region's figures year by year.
final class RegionSeriesTests: XCTestCase {
    private let reports = [
        Build.report("gd2025", Build.guangdong, review: 2024, plan: 2025, [Build.gdpActual(2024, 3.5), Build.gdpTarget(2025, 5)]),
        Build.report("gd2026", Build.guangdong, review: 2025, plan: 2026, day: 365, [Build.gdpActual(2025, 3.9), Build.gdpTarget(2026, 4.5)]),
        Build.report("gd2026.html", Build.guangdong, review: 2025, plan: 2026, day: 366, nearDuplicateOf: "gd2026",
                     [Build.gdpActual(2025, 3.9), Build.gdpTarget(2026, 4.5)]),
        Build.report("js2026", RegionRef(code: "320000", name: "江苏省", level: "province"), review: 2025, plan: 2026,
                     [Build.gdpActual(2025, 5.0)]),
    ]

    private func line(_ row: SeriesRow) -> String {
        let target = row.target.map { "\($0.figure.growthPct!)%" } ?? "-"
        let actual = row.actual.map { "\($0.figure.growthPct!)%" } ?? "-"
        return "\(row.year) \(row.indicator) \(target) \(actual) \(row.verdict?.description ?? "-")"
    }

    func testGuangdongsGDPYearByYearFromItsOwnReportsOnly() {
        XCTAssertEqual(RegionSeries.rows(of: Build.guangdong, indicator: "GDP", among: reports).map(line), [
            "2024 地区生产总值 - 3.5% -",
            "2025 地区生产总值 5.0% 3.9% missed by 1.1 points",
            "2026 地区生产总值 4.5% - pending",
        ])
    }

    func testTheCopiesOfAReportAreNamedOnTheirRow() {
        let row = RegionSeries.rows(of: Build.guangdong, among: reports).first { $0.year == 2026 }
        XCTAssertEqual(row?.target?.reportId, "gd2026")
        XCTAssertEqual(row?.target?.copies, ["gd2026.html"])
    }

    func testAnotherIndicatorGivesNoRows() {
        XCTAssertEqual(RegionSeries.rows(of: Build.guangdong, indicator: "粮食产量", among: reports), [])
    }
}
