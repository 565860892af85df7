import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportProtocol
import WebPages
import XCTest

/// The track page, chart and CSV without a browser, from `track` rows as the daemon sends them:
/// what is drawn for which verdict, that it reads without colour, and that report text stays text.
final class TrackPageTests: XCTestCase {
    private func figure(_ id: Character, paragraph: Int?, growth: Double? = nil, high: Double? = nil, value: Double? = nil,
                        unit: String? = nil, qualifier: Indicator.Qualifier? = nil, notStated: Bool = false,
                        evidence: String = "…") -> FigureView {
        FigureView(reportId: String(repeating: id, count: 64), copies: [], paragraph: paragraph, name: "地区生产总值",
                   value: value, valueHigh: nil, unit: unit, growthPct: growth, growthPctHigh: high, qualifier: qualifier,
                   valueQualifier: nil, direction: nil, estimated: false, notStated: notStated, evidence: evidence)
    }

    private func row(_ region: String, _ year: Int, target: FigureView?, actual: FigureView?, verdict: String?,
                     gap: Double? = nil) -> TargetRow {
        TargetRow(region: region, regionCode: nil, regionLevel: "district", year: year, indicator: "地区生产总值",
                  target: target, actual: actual, revised: [], verdict: verdict, gap: gap, gapUnit: gap == nil ? nil : "points",
                  difference: nil, verdictText: verdict)
    }

    /// 延庆 aimed at 5%左右 for 2022 and reached 6%; 门头沟 aimed at 6%以上 and reached 1.5%; 门头沟's
    /// 2023 target of 4% awaits the 2024 report; 房山 stated no growth target but reported -2%.
    private var view: TrackView {
        TrackView(indicator: "地区生产总值", rows: [
            row("延庆区", 2022, target: figure("a", paragraph: 40, growth: 5, qualifier: .about),
                actual: figure("b", paragraph: 3, growth: 6), verdict: "met"),
            row("门头沟区", 2022, target: figure("c", paragraph: 51, growth: 6, qualifier: .over),
                actual: figure("d", paragraph: 4, growth: 1.5), verdict: "missed", gap: 4.5),
            row("门头沟区", 2023, target: figure("d", paragraph: 60, growth: 4, qualifier: .over), actual: nil, verdict: "pending"),
            row("房山区", 2022, target: figure("e", paragraph: 30, notStated: true), actual: figure("f", paragraph: 2, growth: -2),
                verdict: "not_stated"),
        ])
    }

    func testMetMissedAndUnjudgedActualsHaveDistinctShapesAndColours() {
        let svg = TrackChart.svg(TrackSeries(view))
        XCTAssertEqual(count("<path class=\"actual met\"", in: svg), 1, "met is an upward triangle")
        XCTAssertEqual(count("<path class=\"actual missed\"", in: svg), 1, "missed is a downward triangle")
        XCTAssertEqual(count("<rect class=\"actual\"", in: svg), 1, "an actual without a stated target is a square")
        XCTAssertTrue(svg.contains("fill=\"#1a7f37\"") && svg.contains("fill=\"#b3261e\""), "met and missed differ in colour too")
        XCTAssertEqual(count("<circle class=\"target\"", in: svg), 3, "the not-stated target has no mark")
        XCTAssertEqual(count("<line class=\"target-range\"", in: svg), 2, "以上 targets run off to the right")
        XCTAssertTrue(svg.contains("实际·达标 met") && svg.contains("实际·未达标 missed"), "the legend names every shape")
        XCTAssertTrue(svg.contains("实际 actual 2022 1.5% · 未达标 missed"), "the missed mark's title says so")
    }

    func testTheTableShowsTheDaemonsVerdictsWithTheirMarksAndGaps() {
        let html = TrackPage.render(form: TrackPage.Form(indicator: "地区生产总值"), view: view)
        XCTAssertTrue(html.contains("<td class=\"verdict met\">▲ 达标 met</td>"), html)
        XCTAssertTrue(html.contains("<td class=\"verdict missed\">▼ 未达标 missed</td>"))
        XCTAssertTrue(html.contains("<td class=\"verdict pending\">○ 待定 pending</td>"))
        XCTAssertTrue(html.contains("<td class=\"num\">4.5 个百分点 points</td>"))
        XCTAssertTrue(html.contains("<figure class=\"chart\"><svg"), "the chart is inline")
        XCTAssertTrue(html.contains("href=\"/track.csv?indicator=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC&measure=growth\""), html)
        XCTAssertTrue(html.contains("aria-current=\"page\">目标与实际"), "the navigation marks the track page")
    }

    /// The report page anchors paragraph n as `p-n`; a figure links there, its sentence as the title.
    func testEachFigureLinksToTheParagraphItWasReadFrom() {
        let html = TrackPage.render(form: TrackPage.Form(indicator: "地区生产总值"), view: view)
        let target = "<a href=\"/reports/\(String(repeating: "a", count: 64))#p-40\" title=\"…\">5%左右</a>"
        XCTAssertTrue(html.contains(target), html)
        XCTAssertTrue(html.contains("<a href=\"/reports/\(String(repeating: "d", count: 64))#p-4\" title=\"…\">1.5%</a>"))
        XCTAssertTrue(html.contains(">未设定</a>"), "a target the report did not state says so")
    }

    func testHostileRegionAndEvidenceTextIsEscapedInThePageAndTheChart() {
        let hostile = TrackView(indicator: "<script>x</script>", rows: [
            row("<img src=x onerror=alert(1)>", 2022, target: figure("a", paragraph: 1, growth: 5, evidence: "\"><script>alert(1)</script>"),
                actual: figure("b", paragraph: 2, growth: 3, evidence: "' onmouseover='alert(1)"), verdict: "missed", gap: 2),
        ])
        let html = TrackPage.render(form: TrackPage.Form(indicator: "<script>x</script>", region: "\"><b>"), view: hostile)
        let svg = TrackChart.svg(TrackSeries(hostile))
        for text in [html, svg] {
            XCTAssertFalse(text.contains("<img"))
            XCTAssertFalse(text.contains("<script>"))
            XCTAssertTrue(text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
        XCTAssertTrue(html.contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "the sentence stays inside its attribute")
        XCTAssertTrue(html.contains("title=\"&#39; onmouseover=&#39;alert(1)\""))
        XCTAssertFalse(html.contains("\"><b>"), "the form echoes the region escaped")
    }

    func testTheChartIsAStandaloneSVGWithNoStyleAttributeOrScript() {
        let svg = TrackChart.svg(TrackSeries(view))
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertFalse(svg.contains("style="), "the CSP forbids inline styles")
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertNotNil(try? XMLDocument(xmlString: svg), "the SVG must be well-formed XML")
    }

    /// The State Council's 2016 range, 6.5%－7%: a bar between its ends, both named in the mark's title.
    func testARangeTargetIsDrawnBetweenItsEnds() {
        let range = TrackView(indicator: "地区生产总值", rows: [
            row("全国", 2016, target: figure("a", paragraph: 9, growth: 6.5, high: 7, qualifier: .range),
                actual: figure("b", paragraph: 2, growth: 6.7), verdict: "met"),
        ])
        let series = TrackSeries(range)
        XCTAssertEqual(series.lines.first?.target, .range(6.5, 7))
        let svg = TrackChart.svg(series)
        XCTAssertEqual(count("<line class=\"target-range\"", in: svg), 1)
        XCTAssertTrue(svg.contains("目标 target 2016 6.5–7%"), svg)
    }

    func testValuesArePlottedInTheMostCommonUnitAndOtherUnitsLeftOut() {
        let mixed = TrackView(indicator: "一般公共预算收入", rows: [
            row("甲", 2022, target: nil, actual: figure("a", paragraph: 1, value: 20, unit: "亿元"), verdict: "no_actual"),
            row("乙", 2022, target: nil, actual: figure("b", paragraph: 1, value: 30, unit: "亿元"), verdict: "no_actual"),
            row("丙", 2022, target: nil, actual: figure("c", paragraph: 1, value: 9000, unit: "万元"), verdict: "no_actual"),
        ])
        let series = TrackSeries(mixed)
        XCTAssertEqual(series.measure, .value)
        XCTAssertEqual(series.unit, "亿元")
        XCTAssertEqual(series.lines.map(\.label), ["甲 2022", "乙 2022"])
        XCTAssertEqual(series.omitted, 1)
    }

    func testAnEmptyTrackStillDrawsAValidChartAndSaysNoReportSetsATarget() {
        let empty = TrackView(indicator: "地区生产总值", rows: [])
        let svg = TrackChart.svg(TrackSeries(empty))
        XCTAssertTrue(svg.contains("没有可画的数据"))
        XCTAssertNotNil(try? XMLDocument(xmlString: svg))
        XCTAssertTrue(TrackPage.render(form: TrackPage.Form(indicator: "地区生产总值"), view: empty).contains("No stored report sets a target for it."))
    }

    func testTheCSVHasReportctlsColumnsParagraphsFromOneAndNeutralisesFormulas() {
        var rows = view.rows
        rows[0].region = "=HYPERLINK(\"http://x\")"
        let lines = TrackCSV.render(TrackView(indicator: "地区生产总值", rows: rows)).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "region,year,indicator,target,actual,verdict,gap,gap_unit,target_report,target_paragraph,actual_report,actual_paragraph,copies")
        let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64)
        XCTAssertEqual(lines[1], "\"'=HYPERLINK(\"\"http://x\"\")\",2022,地区生产总值,5%左右,6%,met,,,\(a),41,\(b),4,")
        XCTAssertTrue(lines[2].hasPrefix("门头沟区,2022,地区生产总值,6%以上,1.5%,missed,4.5,points,"), lines[2])
        XCTAssertTrue(lines[4].hasPrefix("房山区,2022,地区生产总值,未设定,-2%,not_stated,"), "a negative figure stays a number: \(lines[4])")
        XCTAssertEqual(lines.count, 6, "a header, four rows and the final line break")
    }

    func testTheFormReadsItsFieldsAndDropsAnUnknownLevel() {
        let form = TrackPage.Form(FormQuery("indicator=%E5%9B%BD%E5%86%85%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC&region=&level=planet&from=2015&to=2016&measure=value"))
        XCTAssertEqual(form, TrackPage.Form(indicator: "国内生产总值", region: nil, level: nil, from: 2015, to: 2016, measure: .value))
        XCTAssertEqual(form.request(copyLimit: 0), ControlRequest(command: .track, indicator: "国内生产总值", fromYear: 2015, toYear: 2016, copyLimit: 0))
        XCTAssertEqual(TrackPage.Form(FormQuery("level=province")).level, "province")
        XCTAssertEqual(TrackPage.Form(FormQuery(nil)).indicator, "地区生产总值", "the page opens on GDP")
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
