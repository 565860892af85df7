import Foundation
import Glibc
import XCTest
@testable import Daemon

/// A file renamed into the inbox is taken at once only when the kernel proves no one still
/// writes it; everything else keeps the settle rule.
final class InboxRenameProofTests: XCTestCase {
    private var inbox: URL!
    private var outside: URL!
    private let t0 = ContinuousClock.now

    override func setUpWithError() throws {
        let root = try makeTemporaryDirectory(self)
        inbox = root.appendingPathComponent("inbox")
        outside = root.appendingPathComponent("staging")
        for folder in [inbox!, outside!] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    }

    private func watcher() throws -> InboxWatcher {
        try InboxWatcher(directory: inbox, settleMilliseconds: 200, ignorePatterns: DaemonConfig.defaultIgnorePatterns,
                         logger: RecordingLogHandler().logger, now: t0)
    }

    private func poll(_ watcher: InboxWatcher, at offset: Duration) -> [String] {
        watcher.drainEvents(now: t0 + offset)
        return watcher.readyFiles(now: t0 + offset).map(\.name)
    }

    /// The kernel must grant this process leases on its own files for the fast path to exist.
    private func requireLeases() throws {
        let probeFile = outside.appendingPathComponent("lease-check")
        try write("x", to: probeFile)
        guard case .noWriter = OpenWriterProbe.probe(probeFile) else {
            throw XCTSkip("this file system or process gets no read leases; only the settle rule applies")
        }
    }

    func testTheProbeSeesAWriterHoldingTheFileOpen() throws {
        try requireLeases()
        let url = outside.appendingPathComponent("report.txt")
        try write("正在写入", to: url)
        let writer = try FileHandle(forWritingTo: url)
        XCTAssertEqual(OpenWriterProbe.probe(url), .writerPresent)
        try writer.close()
        guard case .noWriter(let stamp) = OpenWriterProbe.probe(url) else { return XCTFail("a closed file has no writer") }
        XCTAssertEqual(stamp.size, "正在写入".utf8.count)
        // The lease was released: another writer may open the file without waiting for a lease break.
        let fd = open(url.path, O_WRONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(fd, 0, "opening for writing after the probe: \(String(cString: strerror(errno)))")
        close(fd)
    }

    func testAWriterBreakingALeaseDoesNotEndTheDaemon() throws {
        try requireLeases()  // a probe has run: the lease-break signal is ignored from now on
        let url = outside.appendingPathComponent("report.txt")
        try write("报告", to: url)
        let reader = open(url.path, O_RDONLY)
        defer { close(reader) }
        XCTAssertEqual(fcntl(reader, 1024 /* F_SETLEASE */, Int32(F_RDLCK)), 0)
        // The open breaks the lease: the kernel signals this process (SIGIO) and, being
        // non-blocking, the opener is told to come back instead of waiting for the release.
        let writer = open(url.path, O_WRONLY | O_NONBLOCK)
        XCTAssertEqual(writer, -1)
        XCTAssertEqual(errno, EWOULDBLOCK)
        XCTAssertEqual(fcntl(reader, 1024, Int32(F_UNLCK)), 0)
        let again = open(url.path, O_WRONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(again, 0, "released: writers open freely")
        close(again)
    }

    func testTheProbeGivesNoAnswerForWhatCannotBeLeased() throws {
        let fifo = outside.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertEqual(OpenWriterProbe.probe(fifo), .unknown, "leases exist for regular files only")
        XCTAssertEqual(OpenWriterProbe.probe(outside.appendingPathComponent("missing")), .unknown)
    }

    func testAFileRenamedInWithNoWriterIsTakenWithoutWaiting() throws {
        try requireLeases()
        let watcher = try watcher()
        let staging = outside.appendingPathComponent("report.txt")
        try write("2024年政府工作报告", to: staging)
        XCTAssertEqual(rename(staging.path, inbox.appendingPathComponent("report.txt").path), 0)
        XCTAssertEqual(watcher.nextDeadline, nil)
        XCTAssertEqual(poll(watcher, at: .milliseconds(1)), ["report.txt"])
        XCTAssertEqual(watcher.nextDeadline, nil, "nothing left to wait for")
        XCTAssertEqual(poll(watcher, at: .seconds(5)), [], "delivered once")
    }

    func testAFileRenamedInWhileItsWriterStillHoldsItWaitsForTheSettleTime() throws {
        try requireLeases()
        let watcher = try watcher()
        let staging = outside.appendingPathComponent("big.txt")
        try write("first chunk\n", to: staging)
        let writer = try FileHandle(forWritingTo: staging)
        XCTAssertEqual(rename(staging.path, inbox.appendingPathComponent("big.txt").path), 0)
        XCTAssertEqual(poll(watcher, at: .zero), [])
        XCTAssertEqual(watcher.nextDeadline, t0 + .milliseconds(200), "the loop wakes when the settle time ends")
        try writer.close()  // its IN_CLOSE_WRITE is an in-place write: no shortcut
        XCTAssertEqual(poll(watcher, at: .milliseconds(100)), [])
        XCTAssertEqual(poll(watcher, at: .milliseconds(200)), ["big.txt"])
    }

    func testAFileChangedAfterTheProofWaitsForTheSettleTime() throws {
        try requireLeases()
        let watcher = try watcher()
        let staging = outside.appendingPathComponent("report.txt")
        try write("complete when renamed", to: staging)
        XCTAssertEqual(rename(staging.path, inbox.appendingPathComponent("report.txt").path), 0)
        watcher.drainEvents(now: t0)
        // Reopened by name and appended to before the loop took it.
        let late = try FileHandle(forWritingTo: inbox.appendingPathComponent("report.txt"))
        try late.seekToEnd()
        try late.write(contentsOf: Data(" and more".utf8))
        XCTAssertEqual(watcher.readyFiles(now: t0 + .milliseconds(1)).map(\.name), [], "the proven version is gone")
        try late.close()
        XCTAssertEqual(poll(watcher, at: .milliseconds(150)), [])
        let taken = watcher.readyFiles(now: t0 + .milliseconds(201))
        XCTAssertEqual(taken.map(\.name), ["report.txt"])
        XCTAssertEqual(taken.first?.size, "complete when renamed and more".utf8.count)
    }

    func testAFileWrittenInPlaceWaitsForTheSettleTimeAndTheDeadlineSaysWhen() throws {
        let watcher = try watcher()
        try write("written in place", to: inbox.appendingPathComponent("report.txt"))
        XCTAssertEqual(poll(watcher, at: .milliseconds(10)), [])
        XCTAssertEqual(watcher.nextDeadline, t0 + .milliseconds(210))
        XCTAssertEqual(poll(watcher, at: .milliseconds(209)), [])
        XCTAssertEqual(poll(watcher, at: .milliseconds(210)), ["report.txt"])
    }
}
