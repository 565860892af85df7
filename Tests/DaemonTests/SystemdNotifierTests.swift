import Foundation
import Glibc
import XCTest
@testable import Daemon

/// A real AF_UNIX datagram socket standing where systemd's would.
private final class NotifyListener {
    let fd: Int32
    let address: String

    /// `abstract` binds in the abstract namespace and reports the name as `@name`.
    init(path: String, abstract: Bool) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        self.fd = fd
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno)!) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sockaddr = sockaddr_un()
        sockaddr.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if abstract { bytes.insert(0, at: 0) }
        withUnsafeMutableBytes(of: &sockaddr.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &sockaddr) {
            $0.withMemoryRebound(to: Glibc.sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard result == 0 else { throw POSIXError(.init(rawValue: errno)!) }
        address = abstract ? "@" + path : path
    }

    deinit { close(fd) }

    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count < 0 ? nil : String(decoding: buffer.prefix(count), as: UTF8.self)
    }
}

final class SystemdNotifierTests: XCTestCase {
    func testSendsEachStateAsADatagramToTheSocketPath() throws {
        let directory = try makeTemporaryDirectory(self)
        let listener = try NotifyListener(path: directory.appendingPathComponent("notify").path, abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address], logger: RecordingLogHandler().logger)
        XCTAssertTrue(notifier.isEnabled)

        notifier.ready()
        XCTAssertEqual(listener.receive(), "READY=1")
        notifier.ready(status: "watching /srv/inbox")
        XCTAssertEqual(listener.receive(), "READY=1\nSTATUS=watching /srv/inbox")
        notifier.watchdog()
        XCTAssertEqual(listener.receive(), "WATCHDOG=1")
        notifier.status("3 reports queued\nsecond line")
        XCTAssertEqual(listener.receive(), "STATUS=3 reports queued second line")
        notifier.stopping()
        XCTAssertEqual(listener.receive(), "STOPPING=1")

        let before = SystemdNotifier.monotonicMicroseconds()
        notifier.reloading()
        let lines = try XCTUnwrap(listener.receive()).split(separator: "\n")
        XCTAssertEqual(lines.first, "RELOADING=1")
        let stamp = try XCTUnwrap(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        XCTAssertTrue(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        XCTAssertGreaterThanOrEqual(stamp, before)
    }

    func testReachesAnAbstractNamespaceSocket() throws {
        let listener = try NotifyListener(path: "reportd-test-\(getpid())-\(UUID().uuidString.prefix(8))", abstract: true)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address], logger: RecordingLogHandler().logger)
        notifier.ready()
        XCTAssertEqual(listener.receive(), "READY=1")
    }

    func testWithoutNotifySocketItIsDisabled() {
        let log = RecordingLogHandler()
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000"], logger: log.logger)
        XCTAssertFalse(notifier.isEnabled)
        XCTAssertNil(notifier.watchdogInterval)
        notifier.ready()
        XCTAssertTrue(log.entries.isEmpty)
    }

    func testWatchdogIntervalIsHalfOfWatchdogUsecForThisProcessOnly() {
        let logger = RecordingLogHandler().logger
        let mine = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "3000000",
                                                 "WATCHDOG_PID": "\(getpid())"], logger: logger)
        XCTAssertEqual(mine.watchdogInterval, .milliseconds(1500))
        let unnamed = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "1000"], logger: logger)
        XCTAssertEqual(unnamed.watchdogInterval, .microseconds(500))
        let someoneElses = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "3000000",
                                                         "WATCHDOG_PID": "1"], logger: logger)
        XCTAssertNil(someoneElses.watchdogInterval)
    }

    func testAnUnreachableSocketIsLoggedNotFatal() throws {
        let directory = try makeTemporaryDirectory(self)
        let log = RecordingLogHandler()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": directory.appendingPathComponent("gone").path],
                                       logger: log.logger)
        notifier.ready()
        XCTAssertEqual(log.entries(containing: "cannot notify systemd").map(\.level), [.warning])
    }
}
