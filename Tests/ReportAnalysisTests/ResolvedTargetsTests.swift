import XCTest
import ReportAnalysis

/// The pairs a `target.resolved` event announces when a report arrives.
final class ResolvedTargetsTests: XCTestCase {
    private let target2025 = Build.report("gd2025", Build.guangdong, review: 2024, plan: 2025, day: 0,
                                          [Build.gdpTarget(2025, 5), Build.gdpActual(2024, 3.5)])
    private let review2025 = Build.report("gd2026", Build.guangdong, review: 2025, plan: 2026, day: 365,
                                          [Build.gdpActual(2025, 3.9), Build.gdpTarget(2026, 4.5)])

    func testThe2026ReportSettlesGuangdongs2025Target() {
        let settled = ResolvedTargets.settled(by: "gd2026", among: [target2025, review2025])
        XCTAssertEqual(settled.map { "\($0.region.displayName) \($0.year): \($0.verdict.description)" },
                       ["广东省 2025: missed by 1.1 points"])
    }

    func testAReportWithNoEarlierTargetSettlesNothing() {
        XCTAssertEqual(ResolvedTargets.settled(by: "gd2025", among: [target2025]), [])
    }

    /// 2026 first, 2025 after: the target's arrival is what settles the pair.
    func testATargetArrivingAfterItsReviewIsSettledOnArrival() {
        let late = Build.report("gd2025", Build.guangdong, review: 2024, plan: 2025, day: 400, [Build.gdpTarget(2025, 5)])
        let settled = ResolvedTargets.settled(by: "gd2025", among: [review2025, late])
        XCTAssertEqual(settled.map(\.verdict), [.missed(by: 1.1)])
    }

    func testASecondCopyOfTheReviewSettlesNothingAgain() {
        let copy = Build.report("gd2026.docx", Build.guangdong, review: 2025, plan: 2026, day: 366,
                                nearDuplicateOf: "gd2026", [Build.gdpActual(2025, 3.9)])
        XCTAssertEqual(ResolvedTargets.settled(by: "gd2026.docx", among: [target2025, review2025, copy]), [])
    }

    /// The copy was received later but finished first: it announced the pair, so the original
    /// finishing after it must not announce it again.
    func testTheOriginalFinishingAfterItsCopySettlesNothingAgain() {
        let copy = Build.report("gd2026.docx", Build.guangdong, review: 2025, plan: 2026, day: 366,
                                nearDuplicateOf: "gd2026", [Build.gdpActual(2025, 3.9)])
        XCTAssertEqual(ResolvedTargets.settled(by: "gd2026.docx", among: [target2025, copy]).map(\.verdict), [.missed(by: 1.1)])
        XCTAssertEqual(ResolvedTargets.settled(by: "gd2026", among: [target2025, copy, review2025]), [])
    }

    func testAnUnknownReportSettlesNothing() {
        XCTAssertEqual(ResolvedTargets.settled(by: "nope", among: [target2025, review2025]), [])
    }
}
