import Foundation
import Logging
import XCTest
@testable import ReportLogging

final class LogFormatTests: XCTestCase {
    /// 2026-12-06T19:52:33.250Z
    private let time = Date(timeIntervalSince1970: 1_796_586_753.25)
    private let fields: Logger.Metadata = ["report": "f1618e78c2a1", "file": "2023 北京.txt", "stage": "parser", "attempt": "2"]

    func testAPlainLineHasTheTimeTheLevelTheMessageAndTheFieldsSortedAfterIt() {
        let line = LogLineFormatter(format: .plain, journal: false)
            .line(level: .warning, label: "reportd", message: "failed at parser", metadata: fields, time: time)
        XCTAssertEqual(line, #"2026-12-06T19:52:33.250Z warning reportd: failed at parser attempt=2 file="2023 北京.txt" report=f1618e78c2a1 stage=parser"#)
    }

    func testOnTheJournalEachLevelGetsItsSyslogPriorityPrefixAndNoTimestamp() {
        let formatter = LogLineFormatter(format: .plain, journal: true)
        let expected: [(Logger.Level, String)] = [(.trace, "<7>"), (.debug, "<7>"), (.info, "<6>"), (.notice, "<5>"),
                                                  (.warning, "<4>"), (.error, "<3>"), (.critical, "<2>")]
        for (level, prefix) in expected {
            let line = formatter.line(level: level, label: "reportd", message: "m", metadata: [:], time: time)
            XCTAssertEqual(line, "\(prefix)\(level.rawValue) reportd: m")
        }
    }

    func testAJSONLineIsOneObjectWithTheFixedKeysAndEveryField() throws {
        let line = LogLineFormatter(format: .json, journal: false)
            .line(level: .error, label: "reportd", message: "could not move", metadata: fields, time: time)
        XCTAssertFalse(line.contains("\n"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["time"] as? String, "2026-12-06T19:52:33.250Z")
        XCTAssertEqual(object["level"] as? String, "error")
        XCTAssertEqual(object["priority"] as? Int, 3)
        XCTAssertEqual(object["logger"] as? String, "reportd")
        XCTAssertEqual(object["message"] as? String, "could not move")
        XCTAssertEqual(object["report"] as? String, "f1618e78c2a1")
        XCTAssertEqual(object["file"] as? String, "2023 北京.txt")
        XCTAssertEqual(object["attempt"] as? String, "2")
        XCTAssertTrue(line.hasPrefix(#"{"time":"#), "fixed keys first: \(line)")
    }

    func testJSONOnTheJournalKeepsThePriorityPrefixBeforeTheObject() {
        let line = LogLineFormatter(format: .json, journal: true)
            .line(level: .warning, label: "report-parser", message: "m", metadata: [:], time: time)
        XCTAssertTrue(line.hasPrefix(#"<4>{"time":"#), line)
    }

    func testControlCharactersAndQuotesInAFileNameCannotBreakALineInEitherFormat() throws {
        let hostile: Logger.Metadata = ["file": "a\nb\"c=d\u{1b}[31m\u{2028}.txt", "message": "spoof"]
        let plain = LogLineFormatter(format: .plain, journal: false)
            .line(level: .info, label: "reportd", message: "took", metadata: hostile, time: time)
        XCTAssertFalse(plain.contains("\n"))
        XCTAssertFalse(plain.contains("\u{1b}"))
        XCTAssertTrue(plain.contains(#"file="a\nb\"c=d\u001b[31m\u2028.txt""#), plain)

        let json = LogLineFormatter(format: .json, journal: false)
            .line(level: .info, label: "reportd", message: "took", metadata: hostile, time: time)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["file"] as? String, "a\nb\"c=d\u{1b}[31m\u{2028}.txt")
        XCTAssertEqual(object["message"] as? String, "took", "a field cannot replace the message")
    }

    func testJournalStreamMatchesOnlyTheSameDeviceAndInode() {
        XCTAssertTrue(JournalStream.matches("64769:123456", device: 64769, inode: 123456))
        XCTAssertFalse(JournalStream.matches("64769:123457", device: 64769, inode: 123456))
        XCTAssertFalse(JournalStream.matches("garbage", device: 64769, inode: 123456))
        XCTAssertFalse(JournalStream.matches("", device: 0, inode: 0))
    }

    func testTheLevelSwitchChangesWhatExistingHandlersLetThrough() {
        let levels = LogLevelSwitch(.info)
        let handler = ReportLogHandler(label: "t", formatter: LogLineFormatter(format: .plain, journal: false), levelSwitch: levels)
        let logger = Logger(label: "t", factory: { _ in handler })
        XCTAssertEqual(logger.logLevel, .info)
        levels.level = .debug
        XCTAssertEqual(logger.logLevel, .debug, "a logger made before the change follows it")
    }

    func testLevelNamesAreReadCaseInsensitivelyAndUnknownOnesAreRefused() {
        XCTAssertEqual(ReportLogging.level(named: "DEBUG"), .debug)
        XCTAssertEqual(ReportLogging.level(named: "warning"), .warning)
        XCTAssertNil(ReportLogging.level(named: "loud"))
        XCTAssertNil(ReportLogging.level(named: nil))
    }
}
