import Foundation
import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// Excerpts of a Beijing district's report that lost its named title: the web copy (001) cut
/// at its bare `政府工作报告` title, and cut at `各位代表:` so that only the opening sentence
/// (`我代表北京市延庆区人民政府`) names the government. Tests/Fixtures/variants/README.md says how
/// they were cut.
final class DistrictExcerptTests: XCTestCase {
    private func parse(_ name: String) throws -> ParsedDocument {
        let url = Repository.fixtures.appendingPathComponent("variants/\(name)")
        return try ReportParser().parse(bytes: Array(try Data(contentsOf: url)), fileName: name)
    }

    func testABareTitleLeavesTheRegionToTheSpeakersLineAndTheDateLine() throws {
        let d = try parse("001_bare_title.txt")
        XCTAssertEqual(d.title, "政府工作报告")
        XCTAssertEqual(d.region, "延庆区")
        XCTAssertEqual(d.regionFull, "北京市延庆区")
        XCTAssertEqual(d.regionCode, "110119")
        XCTAssertEqual(d.metadataSources?.region, .speakerLine)
        XCTAssertEqual(d.speaker, "叶大华")
        XCTAssertEqual(d.meetingDate, "2022-12-21")
        XCTAssertNil(d.metadataNotes)
    }

    func testTheOpeningSentenceAloneNamesTheRegion() throws {
        let d = try parse("001_opening.txt")
        XCTAssertNil(d.title)
        XCTAssertEqual(d.region, "延庆区")
        XCTAssertEqual(d.regionFull, "北京市延庆区")
        XCTAssertEqual(d.metadataSources?.region, .opening)
        XCTAssertNil(d.speaker)
        XCTAssertNil(d.meetingDate)
        XCTAssertEqual(d.reviewYear, 2022)
        XCTAssertEqual(d.planYear, 2023)
    }
}
