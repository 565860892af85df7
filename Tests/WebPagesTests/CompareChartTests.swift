import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportProtocol
import WebPages
import XCTest

/// The compare chart without a browser: what is drawn for which row, and that it reads without colour.
final class CompareChartTests: XCTestCase {
    private func indicator(_ kind: Indicator.Kind, value: Double? = nil, unit: String? = nil, growth: Double?,
                           year: Int, qualifier: Indicator.Qualifier? = nil) -> Indicator {
        var indicator = Indicator(name: "地区生产总值", kind: kind, value: value, unit: unit, growthPct: growth,
                                  qualifier: qualifier, year: year, evidence: "…")
        indicator.headline = true
        return indicator
    }

    private func row(_ region: String, _ year: Int, actual: Indicator?, target: Indicator?) -> CompareRow {
        CompareRow(reportId: String(repeating: "\(year % 10)", count: 64), file: "\(region)\(year).txt", region: region,
                   year: year, actual: actual, target: target)
    }

    /// 延庆 aimed at 5% for 2022 and reached 6%; 门头沟 aimed at 6% and reached 1.5%; 房山 has no earlier target.
    private var view: CompareView {
        CompareView(indicator: "地区生产总值", rows: [
            row("延庆区", 2021, actual: nil, target: indicator(.target, growth: 5, year: 2022)),
            row("延庆区", 2022, actual: indicator(.actual, value: 213, unit: "亿元", growth: 6, year: 2022),
                target: indicator(.target, growth: 5.5, year: 2023, qualifier: .about)),
            row("门头沟区", 2021, actual: nil, target: indicator(.target, growth: 6, year: 2022, qualifier: .over)),
            row("门头沟区", 2022, actual: indicator(.actual, value: 275, unit: "亿元", growth: 1.5, year: 2022),
                target: indicator(.target, growth: 4, year: 2023, qualifier: .over)),
            row("房山区", 2022, actual: indicator(.actual, value: 900, unit: "亿元", growth: -2, year: 2022), target: nil),
        ], reportsWithout: 1)
    }

    func testGrowthIsPlottedWhenRowsStateItAndEachActualIsJudgedByTheTargetSetForItsYear() {
        let series = CompareSeries(view)
        XCTAssertEqual(series.measure, .growth)
        XCTAssertEqual(series.unit, "%")
        XCTAssertEqual(series.lines.map(\.outcome), [.unknown, .met, .unknown, .missed, .unknown])
        XCTAssertEqual(series.lines[3].target, .atLeast(4))
        XCTAssertEqual(series.lines[1].target, .point(5.5))
    }

    /// The State Council's 2016 range, 6.5%－7%, against what two imagined outcomes would be:
    /// judged by ReportAnalysis's rules, drawn as a bar between its ends.
    func testARangeTargetIsJudgedByTheAnalysisRulesAndDrawnBetweenItsEnds() {
        var range = indicator(.target, growth: 6.5, year: 2016, qualifier: .range)
        range.growthPctHigh = 7
        let view = CompareView(indicator: "地区生产总值", rows: [
            row("全国", 2015, actual: nil, target: range),
            row("全国", 2016, actual: indicator(.actual, growth: 6.7, year: 2016), target: nil),
            row("某省", 2015, actual: nil, target: range),
            row("某省", 2016, actual: indicator(.actual, growth: 6.3, year: 2016), target: nil),
        ], reportsWithout: 0)
        let series = CompareSeries(view)
        XCTAssertEqual(series.lines.map(\.outcome), [.unknown, .met, .unknown, .missed])
        XCTAssertEqual(series.lines[0].target, .range(6.5, 7))
        let svg = CompareChart.svg(series)
        XCTAssertEqual(count("<line class=\"target-range\"", in: svg), 2, "each range is a bar between its ends")
        XCTAssertTrue(svg.contains("目标 target 2016 6.5–7%"), "the mark's title names both ends")
        XCTAssertEqual(Figures.growth(range), "+6.5%–7%")
    }

    func testMetMissedAndUnjudgedActualsHaveDistinctShapesNotJustColours() {
        let svg = CompareChart.svg(CompareSeries(view))
        XCTAssertEqual(count("<path class=\"actual met\"", in: svg), 1)
        XCTAssertEqual(count("<path class=\"actual missed\"", in: svg), 1)
        XCTAssertEqual(count("<rect class=\"actual\"", in: svg), 1)
        XCTAssertEqual(count("<circle class=\"target\"", in: svg), 4)
        XCTAssertEqual(count("<line class=\"target-range\"", in: svg), 2, "以上 targets run off to the right")
        XCTAssertTrue(svg.contains("实际·达标 met") && svg.contains("实际·未达标 missed"), "the legend names every shape")
    }

    func testTheChartIsAStandaloneSVGWithNoStyleAttributeOrScript() {
        let svg = CompareChart.svg(CompareSeries(view))
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertFalse(svg.contains("style="), "the CSP forbids inline styles")
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertNotNil(try? XMLDocument(xmlString: svg), "the SVG must be well-formed XML")
    }

    func testHostileRegionNamesAreEscapedInTheChart() {
        let hostile = CompareView(indicator: "<script>x</script>", rows: [
            row("<img src=x onerror=alert(1)>", 2022, actual: indicator(.actual, growth: 3, year: 2022), target: nil),
        ], reportsWithout: 0)
        let svg = CompareChart.svg(CompareSeries(hostile))
        XCTAssertFalse(svg.contains("<img"))
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    func testValuesArePlottedInTheMostCommonUnitAndOtherUnitsLeftOut() {
        let mixed = CompareView(indicator: "一般公共预算收入", rows: [
            row("甲", 2022, actual: indicator(.actual, value: 20, unit: "亿元", growth: nil, year: 2022), target: nil),
            row("乙", 2022, actual: indicator(.actual, value: 30, unit: "亿元", growth: nil, year: 2022), target: nil),
            row("丙", 2022, actual: indicator(.actual, value: 9000, unit: "万元", growth: nil, year: 2022), target: nil),
        ], reportsWithout: 0)
        let series = CompareSeries(mixed)
        XCTAssertEqual(series.measure, .value)
        XCTAssertEqual(series.unit, "亿元")
        XCTAssertEqual(series.lines.map(\.label), ["甲 2022", "乙 2022"])
        XCTAssertEqual(series.omitted, 1)
    }

    func testAnEmptyComparisonStillDrawsAValidChartSayingSo() {
        let svg = CompareChart.svg(CompareSeries(CompareView(indicator: "地区生产总值", rows: [], reportsWithout: 3)))
        XCTAssertTrue(svg.contains("没有可画的数据"))
        XCTAssertNotNil(try? XMLDocument(xmlString: svg))
    }

    func testTheCSVHasTheTableRowsAndNeutralisesFormulas() {
        let hostile = CompareView(indicator: "地区生产总值", rows: [
            row("=HYPERLINK(\"http://x\")", 2022, actual: indicator(.actual, value: 213, unit: "亿元", growth: 4.5, year: 2022),
                target: indicator(.target, growth: 5, year: 2023, qualifier: .about)),
        ], reportsWithout: 0)
        let lines = CompareCSV.render(hostile).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "region,year,actual,growth,target year,target,target growth,report id,file")
        XCTAssertTrue(lines[1].hasPrefix("\"'=HYPERLINK(\"\"http://x\"\")\",2022,213亿元,+4.5%,2023,,+5%左右,"), lines[1])
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
