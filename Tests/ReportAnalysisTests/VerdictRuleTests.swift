import XCTest
import ReportAnalysis
import ReportProtocol

/// One rule per qualifier (docs/ANALYSIS.md), each with the examples and its edges.
final class VerdictRuleTests: XCTestCase {
    private func target(_ name: String = "地区生产总值", growth: Double?, high: Double? = nil,
                        _ qualifier: Indicator.Qualifier? = nil) -> IndicatorFact {
        IndicatorFact(name: name, kind: .target, year: 2025, growthPct: growth, growthPctHigh: high, qualifier: qualifier)
    }

    private func judged(_ target: IndicatorFact, growth: Double, estimated: Bool = false) -> Verdict {
        let actual = IndicatorFact(name: target.name, kind: .actual, year: target.year, growthPct: growth, estimated: estimated)
        return VerdictRules.verdict(target: target, outcome: .reviewed(actual: actual))
    }

    func testAbout5PercentIsMetBy5Point2() {
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 5.2), .met)
    }

    func testAbout5Point5PercentIsMissedBy2Point5PointsBy3Percent() {
        XCTAssertEqual(judged(target(growth: 5.5, .about), growth: 3), .missed(by: 2.5))
        XCTAssertEqual(judged(target(growth: 5.5, .about), growth: 3).description, "missed by 2.5 points")
    }

    func testAbout5PercentIsMissedBy1Point1PointsBy3Point9() {
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 3.9).description, "missed by 1.1 points")
    }

    func testAboutIsMetExactlyAtHalfAPointBelowAndMissedJustPastIt() {
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 4.5), .met)
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 4.49), .missed(by: 0.51))
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 4.4), .missed(by: 0.6))
    }

    func testAboutAGrowthTargetIsNotMissedByGrowingFaster() {
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 6.5), .met)
    }

    func testTheStateCouncilsOwnYearsAreMet() {
        XCTAssertEqual(judged(target(growth: 7.5, .about), growth: 7.4), .met)
        XCTAssertEqual(judged(target(growth: 7, .about), growth: 6.9), .met)
    }

    func testARangeIsMissedBelowItsLowEndByTheDistanceToIt() {
        XCTAssertEqual(judged(target(growth: 4.5, high: 5, .range), growth: 3.9), .missed(by: 0.6))
    }

    func testARangeIsMetAtItsLowEndInsideAndAbove() {
        let range = target(growth: 6.5, high: 7, .range)
        XCTAssertEqual(judged(range, growth: 6.5), .met)
        XCTAssertEqual(judged(range, growth: 6.7), .met)
        XCTAssertEqual(judged(range, growth: 7.2), .met)
        XCTAssertEqual(judged(range, growth: 6.4), .missed(by: 0.1))
    }

    func testOver6PercentIsMetBy6Point0AndMissedBy5Point9() {
        XCTAssertEqual(judged(target(growth: 6, .over), growth: 6.0), .met)
        XCTAssertEqual(judged(target(growth: 6, .over), growth: 5.9), .missed(by: 0.1))
    }

    func testUnder3PercentIsMissedBy3Point4AndMetBy3Point0() {
        XCTAssertEqual(judged(target("居民消费价格涨幅", growth: 3, .under), growth: 3.4), .missed(by: 0.4))
        XCTAssertEqual(judged(target("居民消费价格涨幅", growth: 3, .under), growth: 3.0), .met)
    }

    /// 居民消费价格涨幅3%左右 is a cap (控制在3%左右): no band above it, and any lower figure meets it.
    func testAboutOnAPriceCeilingIsACapWithoutABand() {
        let cpi = target("居民消费价格涨幅", growth: 3, .about)
        XCTAssertEqual(judged(cpi, growth: 3.4), .missed(by: 0.4))
        XCTAssertEqual(judged(cpi, growth: 3.0), .met)
        XCTAssertEqual(judged(cpi, growth: 1.4), .met)
    }

    func testAPlainFigureIsMetAtItAndMissedJustBelow() {
        XCTAssertEqual(judged(target("一般公共预算收入", growth: 2), growth: 2), .met)
        XCTAssertEqual(judged(target("一般公共预算收入", growth: 2), growth: 1.9), .missed(by: 0.1))
    }

    /// 与上年持平: about no change, so a fall of up to half a point still holds it level.
    func testSameAsLastYearIsAboutNoChange() {
        let same = target("粮食产量", growth: nil, .same)
        XCTAssertEqual(judged(same, growth: -0.5), .met)
        XCTAssertEqual(judged(same, growth: 1.2), .met)
        XCTAssertEqual(judged(same, growth: -0.8), .missed(by: 0.8))
    }

    /// 能耗强度下降3.1%以上: the figure is −3.1, and "over" is the size of the fall.
    func testAFallOfOver3Point1PercentIsMetBy4Point8AndMissedBy2Point9() {
        let energy = target("能耗强度", growth: -3.1, .over)
        XCTAssertEqual(judged(energy, growth: -4.8), .met)
        XCTAssertEqual(judged(energy, growth: -3.1), .met)
        XCTAssertEqual(judged(energy, growth: -2.9), .missed(by: 0.2))
    }

    func testADirectionAloneIsMetByAnyChangeThatWayAndMissedByTheOther() {
        let down = IndicatorFact(name: "主要污染物排放", kind: .target, year: 2025, direction: .down)
        XCTAssertEqual(judged(down, growth: -2), .met)
        XCTAssertEqual(judged(down, growth: 1.2), .missed(by: 1.2))
        let up = IndicatorFact(name: "研发投入", kind: .target, year: 2025, direction: .up)
        XCTAssertEqual(judged(up, growth: 0.3), .met)
        XCTAssertEqual(judged(up, growth: 0), .missed(by: 0))
    }

    func testIncomeInStepWithTheEconomyIsJudgedAgainstTheYearsGDPGrowth() {
        let inStep = IndicatorFact(name: "居民收入", kind: .target, year: 2015, direction: .inStep)
        let income = IndicatorFact(name: "居民人均可支配收入", kind: .actual, year: 2015, growthPct: 7.4)
        XCTAssertEqual(VerdictRules.verdict(target: inStep, outcome: .reviewed(actual: income, reference: 6.9)), .met)
        let slower = IndicatorFact(name: "居民人均可支配收入", kind: .actual, year: 2015, growthPct: 5.9)
        XCTAssertEqual(VerdictRules.verdict(target: inStep, outcome: .reviewed(actual: slower, reference: 6.9)), .missed(by: 1))
        XCTAssertEqual(VerdictRules.verdict(target: inStep, outcome: .reviewed(actual: income, reference: nil)), .noActual)
    }

    /// 城镇登记失业率4.5%以内: a rate's level, compared as a level.
    func testAnUnemploymentCeilingIsJudgedOnTheRatesLevel() {
        let ceiling = IndicatorFact(name: "城镇登记失业率", kind: .target, year: 2015, value: 4.5, unit: "%", qualifier: .under)
        let actual = IndicatorFact(name: "城镇登记失业率", kind: .actual, year: 2015, value: 4.05, unit: "%")
        XCTAssertEqual(VerdictRules.verdict(target: ceiling, outcome: .reviewed(actual: actual)), .met)
        let higher = IndicatorFact(name: "城镇登记失业率", kind: .actual, year: 2015, value: 4.7, unit: "%")
        XCTAssertEqual(VerdictRules.verdict(target: ceiling, outcome: .reviewed(actual: higher)), .missed(by: 0.2))
    }

    /// 城镇新增就业1000万人以上 against 1322万人, and an amount in another magnitude of the unit.
    func testAnAmountIsComparedInTheTargetsUnit() {
        let jobs = IndicatorFact(name: "城镇新增就业", kind: .target, year: 2014, value: 1000, valueQualifier: .over, unit: "万人", qualifier: .over)
        let met = IndicatorFact(name: "城镇新增就业", kind: .actual, year: 2014, value: 1322, unit: "万人")
        XCTAssertEqual(VerdictRules.verdict(target: jobs, outcome: .reviewed(actual: met)), .met)
        let short = IndicatorFact(name: "城镇新增就业", kind: .actual, year: 2014, value: 9_800_000, unit: "人")
        let verdict = VerdictRules.verdict(target: jobs, outcome: .reviewed(actual: short))
        XCTAssertEqual(verdict, .missed(by: 20, unit: "万人"))
        XCTAssertEqual(verdict.description, "missed by 20万人")
    }

    func testAnActualInAnotherMeasureIsNoActual() {
        let amountOnly = IndicatorFact(name: "地区生产总值", kind: .actual, year: 2025, value: 5, unit: "万亿元")
        XCTAssertEqual(VerdictRules.verdict(target: target(growth: 5, .about), outcome: .reviewed(actual: amountOnly)), .noActual)
    }

    func testNotStatedWinsOverAnyActual() {
        let none = IndicatorFact(name: "地区生产总值", kind: .target, year: 2020, notStated: true)
        XCTAssertEqual(judged(none, growth: 2.3), .notStated)
        XCTAssertEqual(VerdictRules.verdict(target: none, outcome: .pending), .notStated)
    }

    func testPendingWithoutAReviewAndNoActualWhenTheReviewStatesNone() {
        XCTAssertEqual(VerdictRules.verdict(target: target(growth: 6.5, high: 7, .range), outcome: .pending), .pending)
        XCTAssertEqual(VerdictRules.verdict(target: target(growth: 5, .about), outcome: .reviewed(actual: nil)), .noActual)
    }

    /// 预计5.2%左右, estimated before the statistics, is judged like a final figure; the pair
    /// keeps the flag (TargetPairingTests) so a reader sees it may be restated.
    func testAnEstimateIsJudgedAsStated() {
        XCTAssertEqual(judged(target(growth: 5, .about), growth: 5.2, estimated: true), .met)
    }

    func testAVerdictRoundTripsThroughJSONWithItsGap() throws {
        let encoded = try JSONEncoder().encode(Verdict.missed(by: 1.1))
        XCTAssertEqual(String(decoding: encoded, as: UTF8.self).contains("\"verdict\":\"missed\""), true)
        XCTAssertEqual(try JSONDecoder().decode(Verdict.self, from: encoded), .missed(by: 1.1))
        for verdict in [Verdict.met, .notStated, .pending, .noActual] {
            XCTAssertEqual(try JSONDecoder().decode(Verdict.self, from: try JSONEncoder().encode(verdict)), verdict)
        }
    }
}
