import Foundation
import XCTest
@testable import Daemon

final class InboxLayoutTests: XCTestCase {
    private var layout: InboxLayout!

    override func setUpWithError() throws {
        let root = try makeTemporaryDirectory(self)
        layout = InboxLayout(inbox: root.appendingPathComponent("inbox"), dataDir: root.appendingPathComponent("data"))
        try layout.create(logger: RecordingLogHandler().logger)
    }

    private func drop(_ name: String, _ text: String) throws {
        try write(text, to: layout.inbox.appendingPathComponent(name))
    }

    private func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    private func mode(_ url: URL) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    func testCreatesTheFoldersWithARestrictiveDataDirectory() throws {
        for folder in [layout.inbox, layout.dataDir, layout.processed, layout.failed] {
            var isDirectory: ObjCBool = false
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        }
        XCTAssertEqual(layout.processed, layout.dataDir.appendingPathComponent("processed"))
        XCTAssertEqual(try mode(layout.dataDir) & 0o027, 0)
    }

    func testAnExistingOpenDataDirectoryIsTightened() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: layout.dataDir.path)
        let log = RecordingLogHandler()
        try layout.create(logger: log.logger)
        XCTAssertEqual(try mode(layout.dataDir), 0o750)
        XCTAssertEqual(log.entries(containing: "tightened").count, 1)
    }

    func testMoveToProcessedNeverOverwrites() throws {
        try drop("report.txt", "first")
        XCTAssertEqual(try layout.moveToProcessed(name: "report.txt"), layout.processed.appendingPathComponent("report.txt"))
        try drop("report.txt", "second")
        let second = try layout.moveToProcessed(name: "report.txt")
        XCTAssertEqual(second.lastPathComponent, "report.1.txt")
        XCTAssertEqual(try read(layout.processed.appendingPathComponent("report.txt")), "first")
        XCTAssertEqual(try read(second), "second")
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.inbox.appendingPathComponent("report.txt").path))
    }

    func testMoveToFailedWritesTheReasonBesideTheFileAndNeverOverwrites() throws {
        try drop("bad.pdf", "%PDF-broken")
        let failed = try layout.moveToFailed(name: "bad.pdf", reason: "pdftotext exited with status 1")
        XCTAssertEqual(failed, layout.failed.appendingPathComponent("bad.pdf"))
        let reason = try read(layout.failed.appendingPathComponent("bad.pdf.reason.txt"))
        XCTAssertTrue(reason.contains("reason: pdftotext exited with status 1\n"), reason)
        XCTAssertTrue(reason.hasPrefix("file: bad.pdf\n"), reason)

        // A stray reason file for the next suffix must not be overwritten either.
        try write("someone else's notes", to: layout.failed.appendingPathComponent("bad.1.pdf.reason.txt"))
        try drop("bad.pdf", "%PDF-again")
        let again = try layout.moveToFailed(name: "bad.pdf", reason: "still broken")
        XCTAssertEqual(again.lastPathComponent, "bad.2.pdf")
        XCTAssertEqual(try read(layout.failed.appendingPathComponent("bad.pdf")), "%PDF-broken")
        XCTAssertEqual(try read(layout.failed.appendingPathComponent("bad.1.pdf.reason.txt")), "someone else's notes")
        XCTAssertTrue(try read(InboxLayout.reasonFile(for: again)).contains("still broken"))
    }

    func testSuffixesKeepTheExtension() {
        XCTAssertEqual(NoClobberMove.suffixed("report.txt", 3), "report.3.txt")
        XCTAssertEqual(NoClobberMove.suffixed("README", 1), "README.1")
        XCTAssertEqual(NoClobberMove.suffixed(".profile", 2), ".profile.2")
        XCTAssertEqual(NoClobberMove.suffixed("a.tar.gz", 1), "a.tar.1.gz")
    }

    func testOnlyBareNamesOfFilesInTheInboxCanBeMoved() throws {
        let outsider = layout.dataDir.appendingPathComponent("secret.txt")
        try write("not yours", to: outsider)
        for name in ["../data/secret.txt", "..", ".", "", "sub/file"] {
            XCTAssertThrowsError(try layout.moveToProcessed(name: name), "accepted \(name)")
        }
        XCTAssertThrowsError(try layout.moveToFailed(name: "missing.txt", reason: "x")) { error in
            XCTAssertEqual((error as? InboxError)?.errno, ENOENT)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: outsider.path))
    }

    func testTheInboxCannotBeAFolderTheDaemonMovesInto() throws {
        let root = try makeTemporaryDirectory(self)
        let data = root.appendingPathComponent("data")
        let clash = InboxLayout(inbox: data.appendingPathComponent("processed"), dataDir: data)
        XCTAssertThrowsError(try clash.create(logger: RecordingLogHandler().logger))
    }

    func testSanitizedForLogEscapesControlsAndBidiButKeepsChinese() {
        XCTAssertEqual("报告\n2024.txt".sanitizedForLog, "报告\\n2024.txt")
        XCTAssertEqual("a\u{1b}[31mred".sanitizedForLog, "a\\u{1b}[31mred")
        XCTAssertEqual("evil\u{202e}txt.exe".sanitizedForLog, "evil\\u{202e}txt.exe")
        XCTAssertEqual("tab\there\\".sanitizedForLog, "tab\\there\\\\")
        XCTAssertEqual("政府工作报告.pdf".sanitizedForLog, "政府工作报告.pdf")
    }
}
