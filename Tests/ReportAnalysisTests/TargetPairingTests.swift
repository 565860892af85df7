import XCTest
import ReportAnalysis

/// A target set by the report of plan year Y meets the actual that the same region's report
/// reviewing Y states in its review; other statements of Y's figure are shown as revisions.
final class TargetPairingTests: XCTestCase {
    /// Guangdong's 2025 report (5%左右) and a 2026 report of `region` stating `actuals`.
    private func paired(reviewedBy region: RegionRef = Build.guangdong, _ actuals: [IndicatorFact]) -> [TargetOutcome] {
        TargetPairing.outcomes(of: [
            Build.report("gd2025", Build.guangdong, review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)]),
            Build.report("gd2026", region, review: 2025, plan: 2026, day: 365, actuals),
        ])
    }

    func testGuangdongs2025TargetIsResolvedByIts2026ReportsReview() throws {
        let outcomes = paired([Build.gdpActual(2025, 3.9)])
        let pair = try XCTUnwrap(outcomes.first { $0.year == 2025 })
        XCTAssertEqual(pair.indicator, "地区生产总值")
        XCTAssertEqual(pair.target.reportId, "gd2025")
        XCTAssertEqual(pair.target.paragraph, 40)
        XCTAssertEqual(pair.actual?.reportId, "gd2026")
        XCTAssertEqual(pair.actual?.paragraph, 3)
        XCTAssertEqual(pair.verdict.description, "missed by 1.1 points")
        XCTAssertEqual(outcomes.first { $0.year == 2026 }, nil, "the 2026 report sets no target here")
    }

    func testATargetWithNoLaterReportIsPending() {
        let outcomes = TargetPairing.outcomes(of: [Build.report("gd2025", Build.guangdong, review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)])])
        XCTAssertEqual(outcomes.map(\.verdict), [.pending])
        XCTAssertNil(outcomes.first?.actual)
    }

    func testAReviewThatStatesNoActualGivesNoActual() {
        let outcomes = paired([])
        XCTAssertEqual(outcomes.map(\.verdict), [.noActual])
    }

    /// 国内生产总值 in one report, 全省生产总值 or GDP in another: one indicator.
    func testGDPsNamesPairAsOneIndicator() {
        for name in ["国内生产总值", "全省生产总值", "经济总量", "GDP"] {
            XCTAssertEqual(paired([Build.gdpActual(2025, 5.2, name: name)]).map(\.verdict), [.met], name)
        }
    }

    /// Only the review counts: a figure for the year stated in the plan section or elsewhere
    /// in the reviewing report is not its actual.
    func testTheActualComesFromTheReviewOnly() {
        let outcomes = paired([Build.gdpActual(2025, 5.2, source: "body")])
        XCTAssertEqual(outcomes.map(\.verdict), [.noActual])
    }

    /// The year after next restates 2025 as 4.1%: shown beside the pair, the verdict stays the review's.
    func testALaterRestatementIsKeptApartAsRevised() throws {
        let outcomes = TargetPairing.outcomes(of: [
            Build.report("gd2025", Build.guangdong, review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)]),
            Build.report("gd2026", Build.guangdong, review: 2025, plan: 2026, day: 365, [Build.gdpActual(2025, 3.9, estimated: true)]),
            Build.report("gd2027", Build.guangdong, review: 2026, plan: 2027, day: 730,
                         [Build.gdpActual(2026, 5), Build.gdpActual(2025, 4.1, source: "body", paragraph: 12)]),
        ])
        let pair = try XCTUnwrap(outcomes.first { $0.year == 2025 })
        XCTAssertEqual(pair.actual?.figure.growthPct, 3.9)
        XCTAssertEqual(pair.actual?.figure.estimated, true)
        XCTAssertEqual(pair.verdict, .missed(by: 1.1))
        XCTAssertEqual(pair.revised.map(\.reportId), ["gd2027"])
        XCTAssertEqual(pair.revised.first?.figure.growthPct, 4.1)
        XCTAssertEqual(pair.revised.first?.paragraph, 12)
    }

    func testRegionsMatchByCodeWhenBothHaveOneWhateverTheirNames() {
        let renamed = RegionRef(code: "440000", name: "粤", level: "province")
        let outcomes = paired(reviewedBy: renamed, [Build.gdpActual(2025, 5.2)])
        XCTAssertEqual(outcomes.first?.verdict, .met)
    }

    func testRegionsWithDifferentCodesNeverMatchEvenByName() {
        let other = RegionRef(code: "450000", name: "广东省", level: "province")
        let outcomes = paired(reviewedBy: other, [Build.gdpActual(2025, 5.2)])
        XCTAssertEqual(outcomes.first?.verdict, .pending)
    }

    func testRegionsWithoutACodeMatchByNameAndLevel() {
        let district = RegionRef(name: "朝阳区", fullName: "北京市朝阳区", level: "district")
        let withoutFull = RegionRef(name: "朝阳区", level: "district")
        let otherLevel = RegionRef(name: "朝阳区", level: "county")
        let otherCity = RegionRef(name: "朝阳区", fullName: "长春市朝阳区", level: "district")
        XCTAssertTrue(district.isSameRegion(as: withoutFull))
        XCTAssertFalse(district.isSameRegion(as: otherLevel))
        XCTAssertFalse(district.isSameRegion(as: otherCity))
        XCTAssertTrue(RegionRef.national.isSameRegion(as: RegionRef(name: "全国", level: "national")))
        XCTAssertFalse(RegionRef(name: nil, level: nil).isSameRegion(as: RegionRef(name: nil, level: nil)))
    }

    /// A district's 2025 report names 北京市朝阳区; its 2026 excerpt only 朝阳区; 长春市's 朝阳区 is another.
    func testADistrictPairsByNameWithItsOwnNextReportAndNotWithItsNamesake() {
        let full = RegionRef(name: "朝阳区", fullName: "北京市朝阳区", level: "district")
        let outcomes = TargetPairing.outcomes(of: [
            Build.report("bj2025", full, review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)]),
            Build.report("cc2026", RegionRef(name: "朝阳区", fullName: "长春市朝阳区", level: "district"), review: 2025, plan: 2026,
                         day: 300, [Build.gdpActual(2025, 2)]),
            Build.report("bj2026", RegionRef(name: "朝阳区", level: "district"), review: 2025, plan: 2026, day: 365, [Build.gdpActual(2025, 5.4)]),
        ])
        let pair = outcomes.first { $0.year == 2025 }
        XCTAssertEqual(pair?.actual?.reportId, "bj2026")
        XCTAssertEqual(pair?.verdict, .met)
    }

    func testANotStatedTargetStaysNotStatedWhenTheYearsActualArrives() {
        let none = IndicatorFact(name: "国内生产总值", kind: .target, year: 2020, notStated: true, source: "plan")
        let outcomes = TargetPairing.outcomes(of: [
            Build.report("n2020", .national, review: 2019, plan: 2020, [none]),
            Build.report("n2021", .national, review: 2020, plan: 2021, day: 365, [Build.gdpActual(2020, 2.3)]),
        ])
        let pair = outcomes.first { $0.year == 2020 }
        XCTAssertEqual(pair?.verdict, .notStated)
        XCTAssertEqual(pair?.actual?.figure.growthPct, 2.3, "the actual is still shown")
    }

    /// The main target list is the authoritative sentence when the plan names the target twice.
    func testTheMainTargetListsFigureIsTheTarget() {
        let planned = IndicatorFact(name: "地区生产总值", kind: .target, year: 2025, growthPct: 6, qualifier: .about, source: "plan")
        let outcomes = TargetPairing.outcomes(of: [
            Build.report("a", Build.guangdong, review: 2024, plan: 2025, [planned, Build.gdpTarget(2025, 5)]),
        ])
        XCTAssertEqual(outcomes.map(\.target.figure.growthPct), [5])
    }
}
