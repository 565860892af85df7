import Foundation
import XCTest
import ReportAnalysis
import ReportParsing
import ReportProtocol
import TestSupport

/// Beijing's and Shanghai's 2025 reports (Word documents in Tests/Fixtures/real) through the
/// real parser: two regions that never pair with each other, 2024's estimated figures, 2025's
/// targets waiting for the 2026 reports. The parser of this branch reads no region from either
/// (2025年北京市政府工作报告, 我代表北京市人民政府: `region` is nil), so the region is given as the
/// store would give it, with the division code, through `ReportFacts(document:…region:)`.
final class RealMunicipalSeriesTests: XCTestCase {
    private static let beijing = RegionRef(code: "110000", name: "北京市", level: "province")
    private static let shanghai = RegionRef(code: "310000", name: "上海市", level: "province")

    private static let facts: Result<[ReportFacts], Error> = Result {
        try [("beijing_2025.docx", beijing), ("shanghai_2025.docx", shanghai)].map { file, region in
            let url = Repository.fixtures.appendingPathComponent("real").appendingPathComponent(file)
            let document = try ReportParser().parse(bytes: Array(try Data(contentsOf: url)), fileName: file)
            return ReportFacts(document: document, reportId: file, receivedAt: Date(timeIntervalSince1970: 0), region: region)
        }
    }

    func testBeijingsGDPIsTheEstimated2024FigureAndThePending2025Target() throws {
        let facts = try Self.facts.get()
        XCTAssertEqual(facts.map(\.reviewYear), [2024, 2024])
        XCTAssertEqual(DuplicateGroups(facts).groups.count, 2, "two regions, two reports")
        let beijing = Self.beijing
        let rows = RegionSeries.rows(of: beijing, indicator: "地区生产总值", among: facts)
        XCTAssertEqual(rows.map(\.year), [2024, 2025])
        guard rows.count == 2 else { return }
        // 预计全市地区生产总值增长5.2%左右: an estimate, shown as such, with no 2024 target stored.
        XCTAssertEqual(rows[0].actual?.figure.growthPct, 5.2)
        XCTAssertEqual(rows[0].actual?.figure.estimated, true)
        XCTAssertNil(rows[0].verdict)
        XCTAssertEqual(rows[1].target?.figure.growthPct, 5)
        XCTAssertEqual(rows[1].target?.figure.qualifier, .about)
        XCTAssertEqual(rows[1].verdict, .pending)
    }

    /// Shanghai says 全市生产总值: the same key as everyone's GDP.
    func testShanghais全市生产总值TargetIsItsGDPTarget() throws {
        let facts = try Self.facts.get()
        let outcomes = TargetPairing.outcomes(of: facts).filter { $0.region == Self.shanghai }
        let gdp = try XCTUnwrap(outcomes.first { $0.indicator == "地区生产总值" })
        XCTAssertEqual(gdp.year, 2025)
        XCTAssertEqual(gdp.target.figure.growthPct, 5)
        XCTAssertEqual(gdp.verdict, .pending)
        XCTAssertTrue(outcomes.allSatisfy { $0.verdict == .pending }, "no 2026 report is stored")
    }
}
