import Foundation
import GRDB
import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

final class IndexLifecycleTests: XCTestCase {
    func testReindexingAReportReplacesItsRows() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let paragraphs = try index.paragraphCount()
        let before = try index.search(SearchRequest(query: "冬奥"))
        let report = reports[0]
        let result = try index.index(reportId: report.id, file: report.file, document: report.document)
        XCTAssertEqual(try index.count(), reports.count)
        XCTAssertEqual(try index.paragraphCount(), paragraphs)
        XCTAssertEqual(try index.search(SearchRequest(query: "冬奥")), before)
        XCTAssertEqual(result.paragraphs, report.document.paragraphs.count)
        XCTAssertEqual(result.characters, report.document.paragraphs.reduce(0) { $0 + $1.unicodeScalars.count })
        XCTAssertEqual(result.indexSchema, IndexSchema.version)
    }

    func testReindexingWithChangedTextForgetsTheOldText() throws {
        let directory = try makeTemporaryDirectory(self)
        let index = try SearchIndex(path: directory.appendingPathComponent("search.sqlite").path)
        let first = threeParagraphs(body: "推进冬奥场馆建设")
        let second = threeParagraphs(body: "推进乡村振兴")
        _ = try index.index(reportId: "r1", file: "a.txt", document: first)
        _ = try index.index(reportId: "r1", file: "a.txt", document: second)
        XCTAssertEqual(try index.reportIds("冬奥"), [])
        XCTAssertEqual(try index.reportIds("振兴"), ["r1"])
        XCTAssertEqual(try index.paragraphCount(), 3)
    }

    func testBlankParagraphsAreNotStored() throws {
        let directory = try makeTemporaryDirectory(self)
        let index = try SearchIndex(path: directory.appendingPathComponent("search.sqlite").path)
        let document = ParsedDocument(encoding: "utf-8", paragraphs: ["标题", "  ", "", "正文"], sections: [],
                                      indicators: [], parserVersion: "test")
        XCTAssertEqual(try index.index(reportId: "r", file: "f", document: document).paragraphs, 2)
    }

    func testRemoveDeletesOnlyThatReport() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let pinggu = try XCTUnwrap(reports.first { $0.document.paragraphs.contains { $0.contains("平谷") } })
        try index.remove(reportId: pinggu.id)
        try index.remove(reportId: "never-indexed")
        XCTAssertEqual(try index.count(), reports.count - 1)
        XCTAssertEqual(try index.reportIds("平谷"), [])
        XCTAssertEqual(try index.reportIds("冬奥"),
                       CorpusReport.ids(in: reports, containing: "冬奥").subtracting([pinggu.id]))
    }

    func testSchemaVersionIsStoredAndAnOtherVersionRebuildsTheIndex() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        let created = try SearchIndex(path: path)
        XCTAssertEqual(created.schemaState, .created)
        let report = try Corpus.report("002")
        _ = try created.index(reportId: report.id, file: report.file, document: report.document)
        XCTAssertEqual(try userVersion(at: path), IndexSchema.version)
        XCTAssertEqual(try SearchIndex(path: path).schemaState, .current)
        XCTAssertEqual(try SearchIndex(path: path).count(), 1)

        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 99") }
        let rebuilt = try SearchIndex(path: path)
        XCTAssertEqual(rebuilt.schemaState, .rebuilt(fromVersion: 99))
        XCTAssertEqual(try rebuilt.count(), 0)
        XCTAssertEqual(try userVersion(at: path), IndexSchema.version)
        _ = try rebuilt.index(reportId: report.id, file: report.file, document: report.document)
        XCTAssertEqual(try rebuilt.reportIds("密云"), [report.id])
    }

    func testUnversionedFileWithTablesIsRebuilt() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE paragraphs (text TEXT)") }
        let index = try SearchIndex(path: path)
        XCTAssertEqual(index.schemaState, .rebuilt(fromVersion: 0))
        XCTAssertEqual(try index.paragraphCount(), 0)
    }

    func testSeveralWritersOnOneFileKeepEveryReportOnce() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path
        let reports = try Corpus.reports()
        let writers = [try SearchIndex(path: path), try SearchIndex(path: path), try SearchIndex(path: path)]
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: reports.count * 2) { job in
            let report = reports[job % reports.count]
            do {
                _ = try writers[job % writers.count].index(reportId: report.id, file: report.file, document: report.document)
            } catch {
                failures.record("\(error)")
            }
        }
        XCTAssertEqual(failures.messages, [])
        XCTAssertEqual(try writers[0].count(), reports.count)
        XCTAssertEqual(try writers[1].paragraphCount(), reports.reduce(0) { $0 + $1.document.paragraphs.count })
    }

    func testMissingDirectoriesAreCreated() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("data/index/search.sqlite").path
        XCTAssertEqual(try SearchIndex(path: path).schemaState, .created)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testUnopenableFileIsAnErrorNamingIt() throws {
        let directory = try makeTemporaryDirectory(self)
        XCTAssertThrowsError(try SearchIndex(path: directory.path)) { error in
            guard case let .cannotOpen(path, _) = error as? SearchIndexError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, directory.path)
        }
    }

    /// A title, one heading and `body`: too short for the parser, which wants a whole report.
    private func threeParagraphs(body: String) -> ParsedDocument {
        ParsedDocument(encoding: "utf-8", paragraphs: ["甲区报告", "一、回顾", body],
                       sections: [Section(number: "一、", title: "回顾", level: 1, paragraphIndex: 1, paragraphCount: 2)],
                       indicators: [], parserVersion: "test")
    }

    private func userVersion(at path: String) throws -> Int? {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    }
}

/// Errors from concurrent jobs, collected for one assertion at the end.
private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    var messages: [String] { lock.withLock { recorded } }
    func record(_ message: String) { lock.withLock { recorded.append(message) } }
}
