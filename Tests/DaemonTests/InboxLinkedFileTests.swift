import Foundation
import Glibc
import XCTest
@testable import Daemon

/// Files that arrive under a new name without a write or a rename in the inbox: `ln` and the
/// atomic-write pattern `open(O_TMPFILE)` + `linkat`. inotify reports them only as IN_CREATE.
/// A file created in place by `open(O_CREAT)` gives the same event before it is written, and
/// must still wait for its writer.
final class InboxLinkedFileTests: XCTestCase {
    private var inbox: URL!
    private var staging: URL!
    private let settle = Duration.milliseconds(200)
    private let t0 = ContinuousClock.now

    override func setUpWithError() throws {
        let root = try makeTemporaryDirectory(self)
        inbox = root.appendingPathComponent("inbox")
        staging = root.appendingPathComponent("staging")
        for folder in [inbox!, staging!] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    }

    private func watcher() throws -> InboxWatcher {
        try InboxWatcher(directory: inbox, settleMilliseconds: 200, ignorePatterns: DaemonConfig.defaultIgnorePatterns,
                         logger: RecordingLogHandler().logger, now: t0)
    }

    private func poll(_ watcher: InboxWatcher, at offset: Duration) -> [InboxFile] {
        watcher.drainEvents(now: t0 + offset)
        return watcher.readyFiles(now: t0 + offset)
    }

    func testAFileHardLinkedIntoTheInboxIsTakenWhenTheSettleTimeEnds() throws {
        let watcher = try watcher()
        let original = staging.appendingPathComponent("report.txt")
        try write("2024年政府工作报告（硬链接）", to: original)
        XCTAssertEqual(link(original.path, inbox.appendingPathComponent("report.txt").path), 0, String(cString: strerror(errno)))

        XCTAssertEqual(poll(watcher, at: .zero), [], "seen, waiting out the settle time")
        let delivered = poll(watcher, at: settle)
        XCTAssertEqual(delivered.map(\.name), ["report.txt"])
        XCTAssertEqual(delivered.first?.size, "2024年政府工作报告（硬链接）".utf8.count)
        XCTAssertEqual(poll(watcher, at: .seconds(5)), [], "taken once")
    }

    func testAnAnonymousFileLinkedInWithLinkatIsTakenWhenTheSettleTimeEnds() throws {
        let watcher = try watcher()
        let text = "2024年政府工作报告（O_TMPFILE）"
        // O_TMPFILE is hidden from Swift behind _GNU_SOURCE: __O_TMPFILE | O_DIRECTORY on Linux.
        let fd = open(inbox.path, Self.tmpfileFlag | O_WRONLY | O_CLOEXEC, 0o640)
        try XCTSkipIf(fd < 0 && errno == EOPNOTSUPP, "this file system has no O_TMPFILE")
        XCTAssertGreaterThanOrEqual(fd, 0, String(cString: strerror(errno)))
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }, bytes.count)
        XCTAssertEqual(poll(watcher, at: .zero), [], "a file without a name is not in the inbox yet")
        // What tools do without CAP_DAC_READ_SEARCH: link the descriptor's /proc entry.
        XCTAssertEqual(linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, inbox.appendingPathComponent("atomic.txt").path,
                              AT_SYMLINK_FOLLOW), 0, String(cString: strerror(errno)))
        close(fd)

        XCTAssertEqual(poll(watcher, at: .milliseconds(10)), [])
        let delivered = poll(watcher, at: .milliseconds(10) + settle)
        XCTAssertEqual(delivered.map(\.name), ["atomic.txt"])
        XCTAssertEqual(delivered.first?.size, bytes.count)
    }

    /// open(O_CREAT) gives IN_CREATE on an empty file; the bytes follow, with pauses longer than
    /// the settle time. Nothing may be handed out before the writer closes it.
    func testAFileCreatedInPlaceAndWrittenSlowlyWaitsForItsWriter() throws {
        let watcher = try watcher()
        let url = inbox.appendingPathComponent("slow.txt")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(poll(watcher, at: .zero), [], "created, empty")
        XCTAssertEqual(poll(watcher, at: .milliseconds(500)), [], "empty and unchanged, but its writer holds it open")
        let first = Array("前半部分".utf8), second = Array("后半部分".utf8)
        XCTAssertEqual(first.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }, first.count)
        XCTAssertEqual(poll(watcher, at: .seconds(1)), [], "grew: the wait starts again")
        XCTAssertEqual(poll(watcher, at: .seconds(2)), [], "unchanged for five settle times, the writer still there")
        XCTAssertEqual(second.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }, second.count)
        close(fd)
        XCTAssertEqual(poll(watcher, at: .seconds(2) + .milliseconds(10)), [])
        let delivered = poll(watcher, at: .seconds(2) + .milliseconds(10) + settle)
        XCTAssertEqual(delivered.map(\.name), ["slow.txt"])
        XCTAssertEqual(delivered.first?.size, first.count + second.count, "the whole file, not the first half")
    }

    private static let tmpfileFlag: Int32 = 0o20000000 | O_DIRECTORY
}
