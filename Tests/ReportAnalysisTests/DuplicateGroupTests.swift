import XCTest
import ReportAnalysis

/// Copies of one report form a group whose canonical member answers for all of them.
final class DuplicateGroupTests: XCTestCase {
    private let beijing = RegionRef(code: "110000", name: "北京市", level: "province")

    func testNearDuplicatesChainIntoOneGroupUnderTheMostCompleteParse() throws {
        let groups = DuplicateGroups([
            Build.report("txt", beijing, review: 2024, plan: 2025, day: 1, metadata: 8, [Build.gdpTarget(2025, 5)]),
            Build.report("html", beijing, review: nil, plan: nil, day: 2, metadata: 3, nearDuplicateOf: "txt", [Build.gdpTarget(2025, 5)]),
            Build.report("docx", beijing, review: 2024, plan: 2025, day: 3, metadata: 8, nearDuplicateOf: "html",
                         [Build.gdpTarget(2025, 5), Build.gdpActual(2024, 5.2)]),
        ])
        XCTAssertEqual(groups.groups, [DuplicateGroup(canonical: "docx", others: ["txt", "html"])])
        XCTAssertEqual(groups.group(of: "html")?.canonical, "docx")
        XCTAssertTrue(groups.isCanonical("docx"))
        XCTAssertFalse(groups.isCanonical("txt"))
    }

    func testMoreMetadataWinsWhenTheHeadlineFiguresAreEqual() {
        let groups = DuplicateGroups([
            Build.report("excerpt", beijing, review: 2024, plan: 2025, day: 1, metadata: 4, [Build.gdpTarget(2025, 5)]),
            Build.report("whole", beijing, review: 2024, plan: 2025, day: 2, metadata: 7, [Build.gdpTarget(2025, 5)]),
        ])
        XCTAssertEqual(groups.groups.map(\.canonical), ["whole"])
    }

    func testATieGoesToTheEarliestReceived() {
        let groups = DuplicateGroups([
            Build.report("later", beijing, review: 2024, plan: 2025, day: 5, [Build.gdpTarget(2025, 5)]),
            Build.report("first", beijing, review: 2024, plan: 2025, day: 1, [Build.gdpTarget(2025, 5)]),
        ])
        XCTAssertEqual(groups.groups, [DuplicateGroup(canonical: "first", others: ["later"])])
    }

    func testReportsOfOneRegionForOnePlanYearAreOneGroupAndOtherYearsAreNot() {
        let groups = DuplicateGroups([
            Build.report("a", beijing, review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)]),
            Build.report("b", beijing, review: 2025, plan: 2026, day: 365, [Build.gdpTarget(2026, 5)]),
            Build.report("c", Build.guangdong, review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)]),
            Build.report("d", RegionRef(name: nil, level: nil), review: 2024, plan: 2025, [Build.gdpTarget(2025, 5)]),
            Build.report("e", RegionRef(name: nil, level: nil), review: 2024, plan: 2025, day: 1, [Build.gdpTarget(2025, 5)]),
        ])
        XCTAssertEqual(groups.groups.count, 5, "\(groups.groups)")
    }

    func testAReportNamingOnlyItsDistrictIsNoCopyOfEitherNamesakeUnlessLinked() {
        let groups = DuplicateGroups([
            Build.report("bj", RegionRef(name: "朝阳区", fullName: "北京市朝阳区", level: "district"), review: 2025, plan: 2026, [Build.gdpTarget(2026, 5)]),
            Build.report("cc", RegionRef(name: "朝阳区", fullName: "长春市朝阳区", level: "district"), review: 2025, plan: 2026, [Build.gdpTarget(2026, 5)]),
            Build.report("bare", RegionRef(name: "朝阳区", level: "district"), review: 2025, plan: 2026, [Build.gdpTarget(2026, 5)]),
        ])
        XCTAssertEqual(groups.groups.count, 3)
        let linked = DuplicateGroups([
            Build.report("bj", RegionRef(name: "朝阳区", fullName: "北京市朝阳区", level: "district"), review: 2025, plan: 2026, [Build.gdpTarget(2026, 5)]),
            Build.report("bare", RegionRef(name: "朝阳区", level: "district"), review: 2025, plan: 2026, day: 1, metadata: 4,
                         nearDuplicateOf: "bj", [Build.gdpTarget(2026, 5)]),
        ])
        XCTAssertEqual(linked.groups, [DuplicateGroup(canonical: "bj", others: ["bare"])])
    }

    /// Three copies of 2025's report and two of 2026's: one pair, naming the copies on each side.
    func testATargetIsCountedOnceAndNamesItsCopies() throws {
        let outcomes = TargetPairing.outcomes(of: [
            Build.report("t1", Build.guangdong, review: 2024, plan: 2025, day: 1, [Build.gdpTarget(2025, 5)]),
            Build.report("t2", Build.guangdong, review: 2024, plan: 2025, day: 2, nearDuplicateOf: "t1", [Build.gdpTarget(2025, 5)]),
            Build.report("t3", Build.guangdong, review: 2024, plan: 2025, day: 3, [Build.gdpTarget(2025, 5)]),
            Build.report("a1", Build.guangdong, review: 2025, plan: 2026, day: 366, metadata: 6, [Build.gdpActual(2025, 3.9)]),
            Build.report("a2", Build.guangdong, review: 2025, plan: 2026, day: 367, [Build.gdpActual(2025, 3.9)]),
        ])
        XCTAssertEqual(outcomes.count, 1)
        let pair = try XCTUnwrap(outcomes.first)
        XCTAssertEqual(pair.target.reportId, "t1")
        XCTAssertEqual(pair.target.copies, ["t2", "t3"])
        XCTAssertEqual(pair.actual?.reportId, "a2", "a1's parse found fewer metadata fields")
        XCTAssertEqual(pair.actual?.copies, ["a1"])
        XCTAssertEqual(pair.revised, [], "a copy of the reviewing report is no restatement")
    }

    func testGroupsByBucketAreThoseOfThePairwiseRuleOnRandomRegions() {
        var generator = SystemRandomNumberGenerator()
        let codes: [String?] = [nil, nil, "110105", "220104"]
        let names: [String?] = [nil, "朝阳区", "朝阳区", "海淀区"]
        let fullNames: [String?] = [nil, "北京市朝阳区", "长春市朝阳区"]
        let levels: [String?] = [nil, "district"]
        for round in 0..<300 {
            let reports = (0..<Int.random(in: 1...14, using: &generator)).map { n in
                Build.report("r\(n)", RegionRef(code: codes.randomElement(using: &generator)!, name: names.randomElement(using: &generator)!,
                                                 fullName: fullNames.randomElement(using: &generator)!,
                                                 level: levels.randomElement(using: &generator)!),
                             review: nil, plan: [nil, 2024, 2025].randomElement(using: &generator)!, day: n, [])
            }
            XCTAssertEqual(Set(DuplicateGroups(reports).groups.map { Set([$0.canonical] + $0.others) }), Self.pairwise(reports),
                           "round \(round): \(reports.map(\.region))")
        }
    }

    /// The rule pair by pair: the components of "same plan year and surely the same region".
    private static func pairwise(_ reports: [ReportFacts]) -> Set<Set<String>> {
        var component = Array(reports.indices)
        func root(_ i: Int) -> Int { component[i] == i ? i : root(component[i]) }
        for i in reports.indices {
            for j in reports.indices where j > i && reports[i].planYear != nil && reports[i].planYear == reports[j].planYear
                && reports[i].region.isSurelySameRegion(as: reports[j].region) {
                component[root(j)] = root(i)
            }
        }
        return Set(Dictionary(grouping: reports.indices, by: root).values.map { Set($0.map { reports[$0].reportId }) })
    }
}
