import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// What a real reportd and its real plugins write to stderr: journald priorities, JSON lines,
/// the pipeline's fields, and a level that SIGHUP changes in all of them without a restart.
final class LogEndToEndTests: XCTestCase {
    private let picture: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7) }

    /// Polls the log until `condition` holds; the wait bounds a hang, it measures nothing.
    private func awaitLog(_ daemon: DaemonProcess, _ what: String, within seconds: TimeInterval = 60,
                          until condition: (String) -> Bool) {
        let end = Date() + seconds
        while !condition(daemon.log) {
            guard Date() < end else { return XCTFail("\(what) not logged within \(seconds) s:\n\(daemon.log)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// What systemd does for a unit whose stderr is the journal: JOURNAL_STREAM names the stream's
    /// device and inode, here those of the file the daemon's stderr goes to.
    private func writeToJournal(_ daemon: DaemonProcess) throws {
        _ = FileManager.default.createFile(atPath: daemon.logFile.path, contents: nil)
        var info = stat()
        guard stat(daemon.logFile.path, &info) == 0 else { throw ScrapeError("cannot stat \(daemon.logFile.path)") }
        daemon.environment["JOURNAL_STREAM"] = "\(info.st_dev):\(info.st_ino)"
    }

    func testUnderTheJournalEveryLogLineOfTheDaemonAndItsPluginsStartsWithItsPriority() throws {
        let daemon = try DaemonProcess(config: "[daemon]\nlog_level = \"debug\"\n")
        try writeToJournal(daemon)
        try daemon.start()
        let report = try daemon.dropSample("003")
        try daemon.dropByRename(picture, as: "picture.txt")
        try daemon.awaitHistory("report 003 done and picture.txt failed") { events in
            events.contains { $0.topic == .done && $0.reportId == report.reportId } && events.contains { $0.topic == .failed }
        }
        XCTAssertEqual(daemon.stop(), 0, daemon.log)

        let lines = daemon.log.split(separator: "\n")
        XCTAssertFalse(lines.contains { $0.range(of: #"^\d{4}-\d\d-\d\dT"#, options: .regularExpression) != nil },
                       "the journal adds its own timestamps:\n\(daemon.log)")
        let failed = lines.first { $0.hasPrefix("<4>warning reportd: failed picture.txt at parser") }
        XCTAssertNotNil(failed, daemon.log)
        XCTAssertTrue(failed?.contains("stage=parser") == true && failed?.contains("report=") == true, "\(failed ?? "")")
        XCTAssertTrue(lines.contains { $0.hasPrefix("<6>info reportd: ready") }, daemon.log)
        XCTAssertTrue(lines.contains { $0.hasPrefix("<7>debug reportd: accepted \(report.file)") }, daemon.log)
        for plugin in ["report-parser", "report-indexer", "report-summarizer"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix("<7>debug \(plugin): connected to ") },
                          "\(plugin) logs at the daemon's level, with the journal's prefix:\n\(daemon.log)")
        }
    }

    func testUnderTheJournalAReasonNotToStartIsAnErrorLine() throws {
        let daemon = try DaemonProcess(config: "[metrics]\naddress = \"0.0.0.0:9464\"\n")
        try writeToJournal(daemon)
        XCTAssertThrowsError(try daemon.start())
        let line = daemon.log.split(separator: "\n").first { $0.hasPrefix("<3>reportd: cannot start: ") }
        XCTAssertTrue(line?.contains("key `metrics.address`") == true, daemon.log)
    }

    func testAMetricsPortInUseStopsTheStartWithTheKeyToChange() throws {
        let port = try MetricsScrape.freePort()
        let first = try DaemonProcess(config: "[metrics]\naddress = \"127.0.0.1:\(port)\"\n")
        try first.start()
        let second = try DaemonProcess(config: "[metrics]\naddress = \"127.0.0.1:\(port)\"\n")
        XCTAssertThrowsError(try second.start())
        XCTAssertTrue(second.log.contains("critical reportd: cannot start: cannot listen on 127.0.0.1:\(port) (metrics.address)"),
                      second.log)
        XCTAssertEqual(try MetricsScrape.get(port: port).status, "HTTP/1.1 200 OK", "the first daemon still serves")
    }

    func testJSONLinesCarryTheReportIdFileAndStageOfPipelineEvents() throws {
        let daemon = try DaemonProcess(config: "[daemon]\nlog_level = \"debug\"\nlog_format = \"json\"\n")
        try daemon.start()
        let report = try daemon.dropSample("003")
        try daemon.awaitReports([report.reportId])
        XCTAssertEqual(daemon.stop(), 0, daemon.log)

        let objects = try daemon.log.split(separator: "\n").filter { $0.hasPrefix("{") }.map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
        XCTAssertGreaterThan(objects.count, 10, daemon.log)
        for object in objects {
            XCTAssertNotNil(object["time"] as? String)
            XCTAssertNotNil(object["priority"] as? Int)
            if let id = object["report"] as? String { XCTAssertEqual(id.count, 64, "\(object)") }
        }
        let accepted = objects.first { ($0["message"] as? String)?.hasPrefix("accepted ") == true }
        XCTAssertEqual(accepted?["report"] as? String, report.reportId, daemon.log)
        XCTAssertEqual(accepted?["file"] as? String, report.file)
        XCTAssertEqual(accepted?["stage"] as? String, "intake")
        XCTAssertEqual(accepted?["level"] as? String, "debug")
        let done = objects.first { ($0["message"] as? String)?.hasPrefix("done ") == true }
        XCTAssertEqual(done?["report"] as? String, report.reportId, daemon.log)
        XCTAssertTrue(objects.contains { $0["logger"] as? String == "report-parser" }, "the plugins write JSON too:\n\(daemon.log)")
    }

    func testSIGHUPAppliesANewLogLevelToTheDaemonAndItsRunningPlugins() throws {
        let daemon = try DaemonProcess(config: "[daemon]\nlog_level = \"info\"\n")
        try daemon.start()
        let first = try daemon.dropSample("003")
        try daemon.awaitReports([first.reportId])
        XCTAssertFalse(daemon.log.contains(" debug "), "nothing below info yet:\n\(daemon.log)")
        let plugins = try XCTUnwrap(daemon.control().request(.init(command: .status)).data).decode(StatusView.self).plugins

        try Data("[daemon]\nlog_level = \"debug\"\n".utf8).write(to: XCTUnwrap(daemon.configFile))
        kill(try XCTUnwrap(daemon.process).processIdentifier, SIGHUP)
        awaitLog(daemon, "the daemon's new level") { $0.contains("notice reportd: log level info → debug") }
        // Every plugin process hears it in the broker's WELCOME and says so.
        awaitLog(daemon, "every plugin's new level") { log in
            log.components(separatedBy: "log level is now debug, as the daemon's").count - 1 == plugins.count
        }
        let second = try daemon.dropSample("002")
        try daemon.awaitReports([second.reportId])
        XCTAssertTrue(daemon.log.contains("debug reportd: accepted \(second.file)"), daemon.log)

        let after = try XCTUnwrap(daemon.control().request(.init(command: .status)).data).decode(StatusView.self).plugins
        XCTAssertEqual(after.map(\.pid), plugins.map(\.pid), "no plugin was restarted for the new level")
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }
}
