import Foundation
import Glibc
import XCTest
@testable import Daemon

final class InboxWatcherTests: XCTestCase {
    private var inbox: URL!
    private var outside: URL!
    private var log: RecordingLogHandler!
    private let settle = Duration.milliseconds(200)
    private let t0 = ContinuousClock.now

    override func setUpWithError() throws {
        let root = try makeTemporaryDirectory(self)
        inbox = root.appendingPathComponent("inbox")
        outside = root.appendingPathComponent("elsewhere")
        for folder in [inbox!, outside!] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        log = RecordingLogHandler()
    }

    private func watcher() throws -> InboxWatcher {
        try InboxWatcher(directory: inbox, settleMilliseconds: 200, ignorePatterns: DaemonConfig.defaultIgnorePatterns,
                         logger: log.logger, now: t0)
    }

    /// What the daemon's loop does on each wake-up: drain, then ask for settled files.
    private func poll(_ watcher: InboxWatcher, at offset: Duration) -> [InboxFile] {
        watcher.drainEvents(now: t0 + offset)
        return watcher.readyFiles(now: t0 + offset)
    }

    private func names(_ candidates: [InboxFile]) -> [String] { candidates.map(\.name) }

    func testAClosedFileIsDeliveredOnceAfterSettling() throws {
        let watcher = try watcher()
        try write("2024年政府工作报告", to: inbox.appendingPathComponent("report.txt"))
        XCTAssertEqual(poll(watcher, at: .zero), [])
        XCTAssertEqual(poll(watcher, at: .milliseconds(199)), [])
        let delivered = poll(watcher, at: settle)
        XCTAssertEqual(names(delivered), ["report.txt"])
        guard let file = delivered.first else { return XCTFail("nothing delivered") }
        XCTAssertEqual(file.size, "2024年政府工作报告".utf8.count)
        XCTAssertEqual(file.url, inbox.appendingPathComponent("report.txt"))
        XCTAssertEqual(poll(watcher, at: .seconds(5)), [], "delivered once")
        XCTAssertEqual(watcher.pendingCount, 0)
    }

    func testAFileStillGrowingIsDeliveredOnlyOnceItStopsAndItsWriterClosesIt() throws {
        let watcher = try watcher()
        // Written outside, moved in while its writer still holds it open and keeps appending.
        let staging = outside.appendingPathComponent("big.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: staging.path, contents: Data("first chunk\n".utf8)))
        let writer = try FileHandle(forWritingTo: staging)
        try writer.seekToEnd()
        XCTAssertEqual(rename(staging.path, inbox.appendingPathComponent("big.txt").path), 0)

        XCTAssertEqual(poll(watcher, at: .zero), [])
        try writer.write(contentsOf: Data("second chunk\n".utf8))
        XCTAssertEqual(poll(watcher, at: .milliseconds(300)), [], "it grew since it was seen: wait again")
        try writer.write(contentsOf: Data("third chunk\n".utf8))
        XCTAssertEqual(poll(watcher, at: .milliseconds(450)), [])
        XCTAssertEqual(poll(watcher, at: .milliseconds(600)), [], "settle counts from the last change at 450 ms")
        XCTAssertEqual(poll(watcher, at: .milliseconds(650)), [], "unchanged for the settle time, but its writer still has it open")
        XCTAssertEqual(poll(watcher, at: .seconds(3)), [], "however long the writer pauses")
        XCTAssertEqual(log.entries.filter { $0.message.contains("still open for writing") }.count, 1, "said once")

        try writer.close()
        XCTAssertEqual(poll(watcher, at: .seconds(3)), [], "the wait re-armed at 3 s runs out at 3.2 s")
        let delivered = poll(watcher, at: .seconds(3) + settle)
        XCTAssertEqual(names(delivered), ["big.txt"])
        XCTAssertEqual(delivered.first?.size, "first chunk\nsecond chunk\nthird chunk\n".utf8.count)
        XCTAssertEqual(poll(watcher, at: .seconds(10)), [], "delivered once")
    }

    /// A writer in the inbox itself that pauses longer than the settle time between writes
    /// (a slow network copy, a loaded machine) must not have half its file taken.
    func testAFileWrittenInPlaceWithPausesLongerThanTheSettleTimeWaitsForItsWriter() throws {
        let watcher = try watcher()
        let target = inbox.appendingPathComponent("slow.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: target.path, contents: nil))
        let writer = try FileHandle(forWritingTo: target)
        try writer.write(contentsOf: Data("前半部分".utf8))
        XCTAssertEqual(poll(watcher, at: .zero), [])
        XCTAssertEqual(poll(watcher, at: .seconds(1)), [], "a pause of five settle times, the writer still there")
        try writer.write(contentsOf: Data("后半部分".utf8))
        try writer.close()
        XCTAssertEqual(poll(watcher, at: .seconds(1) + .milliseconds(10)), [])
        let delivered = poll(watcher, at: .seconds(1) + .milliseconds(10) + settle)
        XCTAssertEqual(names(delivered), ["slow.txt"])
        XCTAssertEqual(delivered.first?.size, "前半部分后半部分".utf8.count)
    }

    func testARewrittenFileIsDeliveredAgainAsANewVersion() throws {
        let watcher = try watcher()
        let url = inbox.appendingPathComponent("report.txt")
        try write("v1", to: url)
        XCTAssertEqual(poll(watcher, at: .zero), [])
        XCTAssertEqual(names(poll(watcher, at: settle)), ["report.txt"])
        try write("version 2", to: url)
        XCTAssertEqual(poll(watcher, at: .seconds(1)), [])
        let again = poll(watcher, at: .seconds(1) + settle)
        XCTAssertEqual(again.first?.size, 9)
    }

    func testADotfileRenamedToItsRealNameIsDeliveredUnderTheFinalName() throws {
        let watcher = try watcher()
        try write("partial download", to: inbox.appendingPathComponent(".report.txt"))
        XCTAssertEqual(poll(watcher, at: .zero), [])
        XCTAssertEqual(rename(inbox.appendingPathComponent(".report.txt").path, inbox.appendingPathComponent("报告.txt").path), 0)
        // Renamed in with no writer left: complete, so it does not wait out the settle time.
        XCTAssertEqual(names(poll(watcher, at: .milliseconds(100))), ["报告.txt"])
        XCTAssertEqual(poll(watcher, at: .seconds(5)), [])
    }

    func testIgnoredNamesSymlinksFIFOsAndDirectoriesAreNeverDelivered() throws {
        let watcher = try watcher()
        for name in ["notes~", "dl.part", "x.tmp", ".report.swp", "file.crdownload", "#autosave#", ".hidden"] {
            try write("ignored", to: inbox.appendingPathComponent(name))
        }
        let target = outside.appendingPathComponent("target.txt")
        try write("not in the inbox", to: target)
        try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("link.txt"), withDestinationURL: target)
        XCTAssertEqual(mkfifo(inbox.appendingPathComponent("pipe.txt").path, 0o600), 0)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        let movedDirectory = outside.appendingPathComponent("moved-in")
        try FileManager.default.createDirectory(at: movedDirectory, withIntermediateDirectories: true)
        XCTAssertEqual(rename(movedDirectory.path, inbox.appendingPathComponent("moved-in").path), 0)
        let movedLink = outside.appendingPathComponent("moved-link.txt")
        try FileManager.default.createSymbolicLink(at: movedLink, withDestinationURL: target)
        XCTAssertEqual(rename(movedLink.path, inbox.appendingPathComponent("moved-link.txt").path), 0)
        try write("the one real report", to: inbox.appendingPathComponent("real.txt"))

        XCTAssertEqual(poll(watcher, at: .zero), [])
        XCTAssertEqual(names(poll(watcher, at: .seconds(1))), ["real.txt"])
        // A rescan (as after an overflow) must not pick them up either; the FIFO is never opened.
        try watcher.rescan(now: t0 + .seconds(2))
        XCTAssertEqual(watcher.readyFiles(now: t0 + .seconds(10)), [])
        let skipped = log.entries(containing: "not a regular file").compactMap { $0.metadata["file"]?.description }
        XCTAssertEqual(skipped.sorted(), ["folder.txt", "link.txt", "moved-in", "moved-link.txt", "pipe.txt"],
                       "each logged once, by name")
    }

    func testARescanAtStartFindsFilesDroppedWhileTheDaemonWasDown() throws {
        try write("dropped earlier", to: inbox.appendingPathComponent("a.txt"))
        try write("also earlier", to: inbox.appendingPathComponent("b.html"))
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("subdir"), withIntermediateDirectories: true)
        let watcher = try watcher()
        XCTAssertEqual(watcher.readyFiles(now: t0), [])
        XCTAssertEqual(Set(names(watcher.readyFiles(now: t0 + settle))), ["a.txt", "b.html"])
        XCTAssertEqual(log.entries(containing: "not a regular file").count, 1)
    }

    func testAFileDeletedBeforeSettlingIsDropped() throws {
        let watcher = try watcher()
        let url = inbox.appendingPathComponent("oops.txt")
        try write("wrong folder", to: url)
        XCTAssertEqual(poll(watcher, at: .zero), [])
        try FileManager.default.removeItem(at: url)
        XCTAssertEqual(poll(watcher, at: .seconds(1)), [])
        XCTAssertEqual(watcher.pendingCount, 0)
    }

    func testTheInboxIsRecreatedAndWatchedAgainAfterBeingRemoved() throws {
        let watcher = try watcher()
        try FileManager.default.removeItem(at: inbox)
        XCTAssertEqual(poll(watcher, at: .zero), [])
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        try write("after the scare", to: inbox.appendingPathComponent("later.txt"))
        XCTAssertEqual(poll(watcher, at: .seconds(1)), [])
        XCTAssertEqual(names(poll(watcher, at: .seconds(2))), ["later.txt"])
        XCTAssertEqual(log.entries(containing: "inbox directory was removed").map(\.level), [.error])
    }

    func testAQueueOverflowIsLoggedAndRecoveredByARescan() throws {
        let limit = try XCTUnwrap(Int(Inotify.kernelSetting("/proc/sys/fs/inotify/max_queued_events")))
        try XCTSkipIf(limit > 100_000, "max_queued_events is \(limit): too many files to overflow it in a test")
        let watcher = try watcher()
        let count = limit + 50
        for index in 0..<count {
            let fd = open(inbox.appendingPathComponent("r\(index).txt").path, O_WRONLY | O_CREAT, 0o644)
            XCTAssertGreaterThanOrEqual(fd, 0)
            close(fd)
        }
        XCTAssertEqual(poll(watcher, at: .zero), [])
        let warnings = log.entries(containing: "overflowed").filter { $0.level == .warning }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.message.contains("/proc/sys/fs/inotify/max_queued_events (now \(limit))") == true)
        XCTAssertEqual(Set(names(poll(watcher, at: settle))).count, count, "every file found by the rescan, each once")
    }

    func testInotifyLimitErrorsNameTheKernelSetting() {
        let watches = Inotify.limitError(ENOSPC, call: "inotify_add_watch")
        XCTAssertTrue(watches.message.contains("/proc/sys/fs/inotify/max_user_watches (now "), watches.message)
        XCTAssertFalse(watches.message.contains("unreadable"), watches.message)
        let instances = Inotify.limitError(EMFILE, call: "inotify_init1")
        XCTAssertTrue(instances.message.contains("/proc/sys/fs/inotify/max_user_instances (now "), instances.message)
    }
}
