import Foundation
import GRDB
import XCTest
import ZMQ
@testable import Daemon

/// A store error while the pipeline chooses a report's next stage must end the report with the
/// reason, logged, instead of dropping the job and leaving the report waiting for ever.
final class NextStageStoreErrorTests: XCTestCase {
    func testAStoreErrorWhileChoosingTheNextStageFailsTheReportAndIsLogged() throws {
        let root = try makeTemporaryDirectory(self)
        let path = root.appendingPathComponent("state.sqlite").path
        let store = try StateStore(path: path)
        let log = RecordingLogHandler()
        let layout = InboxLayout(inbox: root.appendingPathComponent("inbox"), dataDir: root.appendingPathComponent("data"))
        try layout.create(logger: log.logger)
        let context = try Context()
        let publisher = try Publisher(context: context, endpoint: "inproc://next-stage-\(UUID().uuidString)",
                                      highWaterMark: 10, logger: log.logger)
        let pipeline = Pipeline(store: store, dispatcher: Dispatcher(jobTimeout: 60), publisher: publisher,
                                workArea: try WorkArea(dataDirectory: layout.dataDir), layout: layout,
                                policy: PipelinePolicy(maxAttempts: 3, retryBackoff: 0.1, maxFileBytes: 1 << 20),
                                logger: log.logger)
        let bytes = Array("2024年政府工作报告".utf8)
        let id = ContentHash.of(bytes)
        try Data(bytes).write(to: pipeline.workArea.url(for: id))
        _ = try store.accept(id: id, file: "report.txt", size: bytes.count, time: "t0")

        // A real SQLite error on the read that picks the stage, while writes still work: a column
        // the read needs is gone (as after a botched manual migration).
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "ALTER TABLE reports DROP COLUMN shelved_as") }
        let item = WorkItem(service: "parser", origin: .report(id: id, file: "report.txt"))
        XCTAssertNil(pipeline.jobRequest(for: item, jobId: "parser-test-1"), "no job for a report whose state cannot be read")

        let failed = try XCTUnwrap(try store.events(since: 0, limit: 10).last)
        XCTAssertEqual(failed.topic, .failed)
        let reason = String(decoding: failed.envelope, as: UTF8.self)
        XCTAssertTrue(reason.contains("the store could not be read to choose the next stage"), reason)
        XCTAssertTrue(reason.contains("no such column: shelved_as"), reason)
        let logged = log.entries(containing: "could not read report \(id.prefix(12)) to choose its next stage")
        XCTAssertEqual(logged.map(\.level), [.error])
        XCTAssertEqual(layout.failed.appendingPathComponent("report.txt").lastPathComponent,
                       try FileManager.default.contentsOfDirectory(atPath: layout.failed.path).sorted().first)
    }
}
