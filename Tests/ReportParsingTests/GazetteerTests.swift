import Foundation
import XCTest
import ReportParsing
import TestSupport

/// The shipped gazetteer (Config/gazetteer/divisions.tsv): complete, consistent, and refused
/// with a message naming the file and line when it is damaged.
final class GazetteerTests: XCTestCase {
    private var gazetteer: Gazetteer {
        get throws { try Gazetteer(contentsOf: Repository.config.appendingPathComponent(Gazetteer.relativePath)) }
    }

    func testEveryProvinceAndEveryLevelIsThere() throws {
        let g = try gazetteer
        let current = g.divisions.filter(\.isCurrent)
        XCTAssertEqual(current.filter { $0.level == .province }.count, 34, "31 mainland units, Hong Kong, Macao, Taiwan")
        XCTAssertGreaterThan(current.filter { $0.level == .city }.count, 330)
        XCTAssertGreaterThan(current.filter { $0.level == .district }.count, 900)
        XCTAssertGreaterThan(current.filter { $0.level == .county }.count, 1_400)
        XCTAssertEqual(g.units(named: "延庆区").map(\.code), ["110119"])
        XCTAssertEqual(g.units(named: "鄂托克旗").first?.level, .county)
        XCTAssertEqual(g.units(named: "神农架林区").first?.level, .county, "a 林区 is county-level, not a district")
    }

    func testEveryParentIsAUnitOfAHigherLevel() throws {
        let g = try gazetteer
        for unit in g.divisions {
            guard let parentCode = unit.parent else {
                XCTAssertEqual(unit.level, .province, unit.name)
                continue
            }
            let parent = try XCTUnwrap(g.unit(code: parentCode), "\(unit.name)'s parent \(parentCode)")
            XCTAssertTrue(parent.level == .province || parent.level == .city, "\(unit.name) under \(parent.name)")
        }
    }

    func testFullNamesRunFromTheProvinceDown() throws {
        let g = try gazetteer
        let dongcheng = try XCTUnwrap(g.units(named: "东城区").first)
        XCTAssertEqual(g.fullName(of: dongcheng), "北京市东城区", "a municipality's district hangs from the municipality")
        let chunan = try XCTUnwrap(g.units(named: "淳安县").first)
        XCTAssertEqual(g.fullName(of: chunan), "浙江省杭州市淳安县")
        let xiantao = try XCTUnwrap(g.units(named: "仙桃市").first)
        XCTAssertEqual(g.fullName(of: xiantao), "湖北省仙桃市", "a county-level city directly under the province")
    }

    func testFormerNamesStayResolvableWithTheirSuccessor() throws {
        let g = try gazetteer
        let laiwu = try XCTUnwrap(g.units(named: "莱芜市").first)
        XCTAssertFalse(laiwu.isCurrent)
        XCTAssertEqual(laiwu.successor.flatMap(g.unit(code:))?.name, "莱芜区")
        // The same name at an old and a new code (崇川区 was renumbered): the current one first.
        XCTAssertEqual(g.units(named: "崇川区").first?.code, "320613")
    }

    func testAutonomousUnitsAreFoundByTheirShortFormsButNeverOverAnotherUnitsOwnName() throws {
        let g = try gazetteer
        XCTAssertEqual(g.units(named: "延边州").map(\.code), ["222400"])
        XCTAssertEqual(g.units(named: "黔东南州").map(\.code), ["522600"])
        XCTAssertEqual(g.units(named: "峨边县").map(\.name), ["峨边彝族自治县"])
        XCTAssertEqual(g.units(named: "鄂温克旗").map(\.name), ["鄂温克族自治旗"])
        // 东乡县 is Jiangxi's own (now 东乡区), not short for Gansu's 东乡族自治县.
        XCTAssertEqual(g.units(named: "东乡县").map(\.name), ["东乡县"])
    }

    func testADamagedLineIsRefusedWithItsNumber() {
        XCTAssertThrowsError(try Gazetteer(tsv: "# header\n110000\t北京市\tprovince\t\tcurrent\t\n110101\t东城区\n", path: "bad.tsv")) { error in
            XCTAssertTrue("\(error)".contains("bad.tsv"), "\(error)")
            XCTAssertTrue("\(error)".contains("line 3"), "\(error)")
        }
    }

    func testATruncatedFileIsRefused() {
        XCTAssertThrowsError(try Gazetteer(tsv: "110000\t北京市\tprovince\t\tcurrent\t\n", path: "short.tsv")) { error in
            XCTAssertTrue("\(error)".contains("1 units"), "\(error)")
        }
    }

    func testWithoutItsGazetteerTheParserFailsRetryablyNamingTheFile() throws {
        let parser = ReportParser(gazetteerFile: URL(fileURLWithPath: "/nonexistent/gazetteer/divisions.tsv"))
        XCTAssertThrowsError(try parser.parse(bytes: try Corpus.bytes("000"), fileName: "000.txt")) { error in
            let failure = error as? ParseFailure
            XCTAssertEqual(failure?.retryable, true, "the installation is at fault, not the report")
            XCTAssertTrue(failure?.reason.contains("/nonexistent/gazetteer/divisions.tsv") == true, "\(error)")
        }
    }

    func testAMissingFileNamesThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/divisions.tsv")
        XCTAssertThrowsError(try Gazetteer(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/divisions.tsv"), "\(error)")
        }
    }
}
