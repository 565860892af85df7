import Foundation
import Glibc
import XCTest
@testable import Daemon

/// The loop sleeps until its earliest timed duty or until input; these check that every part
/// names its next deadline and that a plugin's exit is input.
final class LoopWakeTests: XCTestCase {
    func testTheEarliestDeadlineBecomesARoundedUpPollTimeout() {
        let now = ContinuousClock.now
        var deadline = LoopDeadline()
        XCTAssertEqual(deadline.pollTimeout(from: now), -1, "nothing timed: wait for input only")
        deadline.include(now + 2)
        deadline.include(nil)
        deadline.include(now + .milliseconds(1500))
        XCTAssertEqual(deadline.pollTimeout(from: now), 1500)
        deadline.include(now + 0.0201)
        XCTAssertEqual(deadline.pollTimeout(from: now), 21, "rounded up, so the wake-up is never early")
        deadline.include(now - .seconds(1))
        XCTAssertEqual(deadline.pollTimeout(from: now), 0, "overdue: do not sleep")
    }

    func testTheDispatcherNamesRetryJobAndControlRequestDeadlines() {
        var dispatcher = Dispatcher(jobTimeout: 120)
        let now = ContinuousClock.now
        XCTAssertNil(dispatcher.nextDeadline(controlPatience: 8))

        var retry = WorkItem(service: "parser", origin: .report(id: "a", file: "a.txt"), queuedAt: now)
        retry.notBefore = now + 4
        dispatcher.enqueue(retry, now: now)
        XCTAssertEqual(dispatcher.nextDeadline(controlPatience: 8), now + 4)
        XCTAssertNil(dispatcher.nextDeadline(controlPatience: 8, retries: false), "retries are moot once intake stops")

        let request = WorkItem(service: "search", origin: .control(client: [1], input: []), queuedAt: now - 6)
        dispatcher.enqueue(request, now: now)
        XCTAssertEqual(dispatcher.nextDeadline(controlPatience: 8), now + 2, "the control request runs out of patience first")
        XCTAssertEqual(dispatcher.staleControlRequests(olderThan: 8, now: now + 2.5).count, 1)
        XCTAssertEqual(dispatcher.nextDeadline(controlPatience: 8), now + 4)
    }

    func testThePluginRestartAfterItsBackoffIsTheSupervisorsDeadline() throws {
        let log = RecordingLogHandler()
        let supervisor = Supervisor(manifests: [PluginManifest(name: "sleeper", command: "sleep", args: ["1000"], services: ["parser"])],
                                    workerEndpoint: "ipc:///tmp/rd-workers.sock", dataDir: try makeTemporaryDirectory(self),
                                    environment: ["PATH": "/usr/bin:/bin"], logger: log.logger)
        defer { supervisor.stopAll(deadline: .seconds(2)) }
        let t0 = ContinuousClock.now
        supervisor.start(now: t0)
        let pid = try XCTUnwrap(supervisor.status()[0].pid)
        XCTAssertEqual(supervisor.processIds, [pid])
        XCTAssertEqual(supervisor.nextDeadline, t0 + .seconds(10), "when a starting process counts as running")
        XCTAssertTrue(supervisor.workerAnnounced(pid: pid))
        XCTAssertNil(supervisor.nextDeadline, "a running process has no timed duty: its exit is watched")

        XCTAssertTrue(supervisor.kill(pid: pid))
        let later = t0 + .seconds(60)
        waitUntil("the killed process is reaped", step: { supervisor.tick(now: later) }) { supervisor.status()[0].pid == nil }
        XCTAssertEqual(supervisor.processIds, [])
        XCTAssertEqual(supervisor.nextDeadline, later + .milliseconds(500))
    }

    func testAChildsExitMakesItsDescriptorReadable() throws {
        let watch = ChildExitWatch()
        try XCTSkipUnless(watch.isAvailable, "no pidfd_open here: the loop checks exits on a timer instead")
        let pid = try ProcessSpawner.spawn(executable: "/bin/sleep", arguments: ["1000"], environment: [:]).pid
        defer { _ = ChildReaper.reap(pid) }
        XCTAssertTrue(watch.watch(only: [pid]))
        XCTAssertFalse(watch.watch(only: [pid]), "unchanged")
        let descriptor = try XCTUnwrap(watch.descriptors.first)
        XCTAssertFalse(isReadable(descriptor, waitingMilliseconds: 0), "still running")

        XCTAssertEqual(Glibc.kill(pid, SIGKILL), 0)
        XCTAssertTrue(isReadable(descriptor, waitingMilliseconds: 30_000), "the exit wakes a poll")
        XCTAssertNotNil(ChildReaper.reap(pid))
        XCTAssertTrue(watch.watch(only: []))
        XCTAssertEqual(watch.descriptors, [])
    }

    private func isReadable(_ descriptor: Int32, waitingMilliseconds timeout: Int32) -> Bool {
        var item = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&item, 1, timeout) == 1 && item.revents & Int16(POLLIN) != 0
    }
}
