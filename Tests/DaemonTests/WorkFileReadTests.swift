import Foundation
import Glibc
import XCTest
@testable import Daemon

/// The parse job's bytes come from `work/<id>` through one checked descriptor: whatever the
/// work file became after intake, the loop neither blocks nor reads without bound, and the
/// parser gets exactly the bytes whose hash is the report id or nothing.
final class WorkFileReadTests: XCTestCase {
    private var workArea: WorkArea!
    private let bytes = Array("2024年政府工作报告：全区地区生产总值增长5%。".utf8)
    private var id: String { ContentHash.of(bytes) }

    override func setUpWithError() throws {
        workArea = try WorkArea(dataDirectory: try makeTemporaryDirectory(self))
    }

    private func failure(_ limit: Int = 1 << 20) -> String {
        do {
            let read = try workArea.contents(of: id, file: "report.txt", limit: limit)
            return "read \(read.count) bytes"
        } catch {
            return "\(error)"
        }
    }

    func testTheAcceptedBytesAreReadBack() throws {
        try Data(bytes).write(to: workArea.url(for: id))
        XCTAssertEqual(try workArea.contents(of: id, file: "report.txt", limit: 1 << 20), bytes)
    }

    func testAFIFOSwappedInFailsAtOnceNamingTheFile() throws {
        XCTAssertEqual(mkfifo(workArea.url(for: id).path, 0o600), 0)
        // A blocking open or read would hang here, with no writer ever coming.
        let reason = failure()
        XCTAssertTrue(reason.contains("work/\(id.prefix(12))… (report.txt) is no longer a regular file (a FIFO)"), reason)
    }

    func testASymlinkToDevZeroIsNeverFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: workArea.url(for: id).path, withDestinationPath: "/dev/zero")
        let reason = failure()
        XCTAssertTrue(reason.contains("(report.txt) is a symlink, which is never followed"), reason)
    }

    func testAFileGrownWithTruncateIsRefusedUnread() throws {
        let url = workArea.url(for: id)
        try Data(bytes).write(to: url)
        XCTAssertEqual(truncate(url.path, 1 << 40), 0, "a sparse terabyte")
        let reason = failure(64 << 20)
        XCTAssertTrue(reason.contains("(report.txt) is 1099511627776 bytes, over the limit of 67108864 (watcher.max_file_bytes)"), reason)
    }

    func testBytesChangedThroughAnotherLinkAreNotSent() throws {
        let url = workArea.url(for: id)
        try Data(bytes.reversed()).write(to: url)
        let reason = failure()
        XCTAssertTrue(reason.contains("no longer holds the bytes it was accepted with"), reason)
    }

    /// A hard-linked input is copied at intake, hashed as it is copied: writing the other link
    /// afterwards changes nothing in the work area.
    func testAHardLinkedInputGetsAWorkCopyOfItsOwn() throws {
        let staging = try makeTemporaryDirectory(self)
        let original = staging.appendingPathComponent("report.txt"), inboxName = staging.appendingPathComponent("inbox-report.txt")
        try Data(bytes).write(to: original)
        XCTAssertEqual(link(original.path, inboxName.path), 0)
        let input = try InputFile(inboxName, label: "inbox-report.txt")
        XCTAssertEqual(input.links, 2)
        let staged = try workArea.stageCopy(of: input)
        XCTAssertEqual(staged.id, id)
        try workArea.take(staged, from: inboxName)
        XCTAssertFalse(FileManager.default.fileExists(atPath: inboxName.path), "the inbox's name is gone")
        XCTAssertEqual(truncate(original.path, 1 << 30), 0)
        XCTAssertEqual(try workArea.contents(of: id, file: "report.txt", limit: 1 << 20), bytes, "the report keeps its bytes")
    }

    /// Recovery tells a move cut by a crash (the shelf already has this inode) from an input
    /// that merely has another link elsewhere: only the first is left unshelved.
    func testOnlyALinkOnTheShelfCountsAsAnEarlierMove() throws {
        let root = try makeTemporaryDirectory(self)
        let layout = InboxLayout(inbox: root.appendingPathComponent("inbox"), dataDir: root.appendingPathComponent("data"))
        try layout.create(logger: RecordingLogHandler().logger)
        let work = workArea.url(for: id)
        try Data(bytes).write(to: work)
        XCTAssertEqual(link(work.path, root.appendingPathComponent("kept-by-the-user.txt").path), 0)
        try Data("another report".utf8).write(to: layout.processed.appendingPathComponent("report.txt"))
        XCTAssertNil(layout.earlierShelf(of: work, name: "report.txt", failed: false), "two links, none on the shelf")
        XCTAssertEqual(link(work.path, layout.processed.appendingPathComponent("report.1.txt").path), 0)
        XCTAssertEqual(layout.earlierShelf(of: work, name: "report.txt", failed: false)?.lastPathComponent, "report.1.txt")
        XCTAssertNil(layout.earlierShelf(of: work, name: "report.txt", failed: true), "not on the other shelf")
    }
}
