import Foundation
import ReportProtocol
import XCTest

/// `reportctl reindex` through the real daemon: an index emptied by a schema change is filled
/// again from the stored parsed documents.
final class ReindexEndToEndTests: XCTestCase {
    func testAnIndexRebuiltForANewSchemaIsFilledAgainByReindex() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let reports = [try daemon.dropSample("002"), try daemon.dropSample("003")]
        try daemon.awaitReports(reports.map(\.reportId))
        let reportctl = try Reportctl(daemon: daemon, test: self)
        let before = try reportctl.search(["生态", "--limit", "10"])
        XCTAssertEqual(Set(before.hits.map(\.reportId)), Set(reports.map(\.reportId)))

        // An index written by an older indexer: on the next start the indexer drops and recreates it.
        XCTAssertEqual(daemon.stop(), 0)
        try Self.setUserVersion(1, of: daemon.dataDir.appendingPathComponent("index/search.sqlite"))
        try daemon.start()
        try awaitSearch(reportctl, "生态", "the emptied index") { $0.isEmpty }

        let seqBefore = try daemon.history().last?.seq ?? 0
        let run = try reportctl.run(["reindex"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        XCTAssertEqual(run.output, "queued 2 reports for indexing\n")
        let after = try daemon.awaitHistory("report.indexed of both reports again") { events in
            Set(events.filter { $0.seq > seqBefore && $0.topic == .indexed }.map(\.reportId)) == Set(reports.map(\.reportId))
        }
        XCTAssertFalse(after.contains { $0.seq > seqBefore && $0.topic == .done }, "a finished report is not finished twice")
        XCTAssertEqual(try reportctl.search(["生态", "--limit", "10"]).hits.map(\.reportId), before.hits.map(\.reportId))

        let json = try reportctl.run(["reindex", "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
        let view = try WireJSON.decode(ReindexView.self, from: Array(json.output.utf8))
        XCTAssertEqual(Set(view.queued + view.busy), Set(reports.map(\.reportId)))
    }

    /// The plugin opens the index at start, a moment after the daemon answers.
    private func awaitSearch(_ reportctl: Reportctl, _ query: String, _ what: String,
                             until condition: ([SearchHit]) -> Bool) throws {
        let end = Date() + 60
        while true {
            if let hits = try? reportctl.search([query]).hits, condition(hits) { return }
            guard Date() < end else { return XCTFail("\(what): search never satisfied the condition") }
            Thread.sleep(forTimeInterval: 0.3)
        }
    }

    private static func setUserVersion(_ version: Int, of database: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database.path, "PRAGMA user_version = \(version);"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "sqlite3 could not set the version of \(database.path)")
    }
}
