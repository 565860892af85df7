import XCTest
import GRDB
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// Schema 4 only adds to schema 3 (the level column, the totals a searcher reads after another
/// process's commit), so a schema-3 index is upgraded in place and keeps its reports.
final class SchemaUpgradeTests: XCTestCase {
    func testASchemaThreeIndexIsUpgradedKeepingItsReportsAndTheirTotals() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        let reports = try Corpus.reports()
        let written = try SearchIndex(path: path)
        var characters = 0
        for report in reports {
            characters += try written.index(reportId: report.id, file: report.file, document: report.document).characters
        }
        let before = try written.search(SearchRequest(query: "生态", limit: 10))
        // What schema 3 had: no level, no totals.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                DROP TRIGGER report_added; DROP TRIGGER report_removed; DROP TABLE index_totals;
                ALTER TABLE reports DROP COLUMN level; PRAGMA user_version = 3;
                """)
        }

        let upgraded = try SearchIndex(path: path)
        XCTAssertEqual(upgraded.schemaState, .upgraded(fromVersion: 3))
        XCTAssertEqual(try upgraded.count(), reports.count)
        XCTAssertEqual(try upgraded.search(SearchRequest(query: "生态", limit: 10)), before)
        let byLevel = try upgraded.trend(TrendRequest(phrase: "生态", by: .level))
        XCTAssertEqual(byLevel.groups.map(\.key), [nil], "levels are known once the reports are indexed again")
        XCTAssertEqual(byLevel.total.characters, characters)
        XCTAssertEqual(try SearchIndex(path: path).schemaState, .current)

        let first = reports[0]
        _ = try upgraded.index(reportId: first.id, file: first.file, document: first.document)
        let reindexed = try upgraded.trend(TrendRequest(phrase: "生态", by: .level))
        XCTAssertEqual(Set(reindexed.groups.map(\.key)), [first.document.regionLevel, nil])
        try DatabaseQueue(path: path).read { db in
            let totals = try Row.fetchOne(db, sql: "SELECT reports, characters FROM index_totals")
            XCTAssertEqual(totals?[0], reports.count)
            XCTAssertEqual(totals?[1], characters)
        }
    }
}
