import ReportProtocol
import XCTest

/// How figures read in reportctl's tables and on the web pages: one wording for both.
final class FigureTextTests: XCTestCase {
    private func indicator(value: Double? = nil, high: Double? = nil, unit: String? = nil, growth: Double? = nil,
                           growthHigh: Double? = nil, qualifier: Indicator.Qualifier? = nil,
                           direction: Indicator.Direction? = nil, notStated: Bool? = nil) -> Indicator {
        var indicator = Indicator(name: "地区生产总值", kind: .target, value: value, unit: unit, growthPct: growth,
                                  qualifier: qualifier, evidence: "…")
        indicator.valueHigh = high
        indicator.growthPctHigh = growthHigh
        indicator.direction = direction
        indicator.notStated = notStated
        return indicator
    }

    func testAnAmountCarriesItsUnitAndTheTargetsBoundWhenNoGrowthFollows() {
        XCTAssertEqual(FigureText.amount(indicator(value: 213, unit: "亿元")), "213亿元")
        XCTAssertEqual(FigureText.amount(indicator(value: 5, unit: "万亿元", qualifier: .over)), "5万亿元以上")
        XCTAssertEqual(FigureText.amount(indicator(value: 300, unit: "亿元", growth: 5, qualifier: .about)), "300亿元",
                       "左右 belongs to the growth that follows")
        XCTAssertEqual(FigureText.amount(indicator(value: 300, high: 320, unit: "亿元", qualifier: .range)), "300–320亿元")
        XCTAssertEqual(FigureText.amount(indicator(notStated: true)), "未设定")
        XCTAssertNil(FigureText.amount(indicator(growth: 5)))
    }

    func testAGrowthIsSignedAndSaysARangeAHoldOrADirection() {
        XCTAssertEqual(FigureText.growth(indicator(growth: 1.5)), "+1.5%")
        XCTAssertEqual(FigureText.growth(indicator(growth: -5)), "-5%")
        XCTAssertEqual(FigureText.growth(indicator(growth: 4, qualifier: .about)), "+4%左右")
        XCTAssertEqual(FigureText.growth(indicator(growth: 6, growthHigh: 6.5, qualifier: .range)), "+6%–6.5%")
        XCTAssertEqual(FigureText.growth(indicator(qualifier: .same)), "持平")
        XCTAssertEqual(FigureText.growth(indicator(direction: .down)), "下降")
        XCTAssertNil(FigureText.growth(indicator(value: 213)))
    }

    func testATrackFigureReadsAsTheReportStatesIt() {
        let figure = { (growth: Double?, high: Double?, value: Double?, qualifier: Indicator.Qualifier?, estimated: Bool, notStated: Bool) in
            FigureView(reportId: "a", copies: [], paragraph: 1, name: "地区生产总值", value: value, valueHigh: nil, unit: value == nil ? nil : "万人",
                       growthPct: growth, growthPctHigh: high, qualifier: qualifier, valueQualifier: nil, direction: nil,
                       estimated: estimated, notStated: notStated, evidence: "…")
        }
        XCTAssertEqual(FigureText.figure(figure(5, nil, nil, .about, false, false)), "5%左右")
        XCTAssertEqual(FigureText.figure(figure(6.5, 7, nil, .range, false, false)), "6.5%–7%")
        XCTAssertEqual(FigureText.figure(figure(nil, nil, 1000, .over, false, false)), "1000万人以上")
        XCTAssertEqual(FigureText.figure(figure(3.9, nil, nil, nil, true, false)), "3.9% (预计)")
        XCTAssertEqual(FigureText.figure(figure(nil, nil, nil, .same, false, false)), "持平")
        XCTAssertEqual(FigureText.figure(figure(nil, nil, nil, nil, false, true)), "未设定")
    }

    func testNumbersDropTrailingZerosAndKeepTinyValuesReadable() {
        XCTAssertEqual(FigureText.number(213), "213")
        XCTAssertEqual(FigureText.number(4.50), "4.5")
        XCTAssertEqual(FigureText.number(0.12345), "0.1235")
        XCTAssertEqual(FigureText.number(0.000001234), "1.23e-06", "a BM25 score floored by FTS5 is not 0")
    }
}
