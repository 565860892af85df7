import Foundation
import Glibc
import XCTest
@testable import Daemon

final class SupervisorTests: XCTestCase {
    private var directory: URL!
    private var log: RecordingLogHandler!
    private var supervisors: [Supervisor] = []

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(self)
        log = RecordingLogHandler()
    }

    override func tearDown() {
        // Never leave children behind, whatever the test did.
        for supervisor in supervisors { supervisor.stopAll(deadline: .seconds(2)) }
        supervisors = []
    }

    private func supervisor(_ manifests: [PluginManifest], environment: [String: String] = ["PATH": "/usr/bin:/bin"]) -> Supervisor {
        let supervisor = Supervisor(manifests: manifests, workerEndpoint: "ipc:///tmp/rd-workers.sock", dataDir: directory,
                                    executableDirectory: directory, environment: environment, logger: log.logger)
        supervisors.append(supervisor)
        return supervisor
    }

    private func isAlive(_ pid: Int32) -> Bool { Glibc.kill(pid, 0) == 0 }

    func testSpawnsEveryInstanceWithTheDaemonEnvironment() throws {
        let script = #"echo "$REPORTD_BROKER|$REPORTD_DATA_DIR|$REPORTD_INSTANCE|$MODE|$DAEMON_VAR|${NOTIFY_SOCKET-unset}" > "$OUT.$REPORTD_INSTANCE"; exec sleep 1000"#
        let out = directory.appendingPathComponent("env").path
        let manifest = PluginManifest(name: "echo", command: "sh", args: ["-c", script], services: ["parser"],
                                      instances: 2, environment: ["MODE": "strict", "OUT": out])
        let supervisor = supervisor([manifest], environment: ["PATH": "/usr/bin:/bin", "DAEMON_VAR": "kept",
                                                               "NOTIFY_SOCKET": "/run/systemd/notify"])
        let t0 = ContinuousClock.now
        supervisor.start(now: t0)

        let status = supervisor.status()
        XCTAssertEqual(status.map(\.instance), [1, 2])
        XCTAssertEqual(status.map(\.state), [.starting, .starting])
        let pids = status.compactMap(\.pid)
        XCTAssertEqual(Set(pids).count, 2)
        XCTAssertTrue(pids.allSatisfy(isAlive))
        XCTAssertEqual(supervisor.pid(ofPlugin: "echo", instance: 2), pids[1])
        XCTAssertEqual(supervisor.instance(ofPid: pids[0])?.instance, 1)

        for instance in 1...2 {
            let file = "\(out).\(instance)"
            waitUntil("plugin \(instance) wrote its environment") {
                (try? String(contentsOfFile: file, encoding: .utf8))?.hasSuffix("\n") == true
            }
            XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8),
                           "ipc:///tmp/rd-workers.sock|\(directory.path)|\(instance)|strict|kept|unset\n")
        }

        XCTAssertTrue(supervisor.workerAnnounced(pid: pids[0]))
        supervisor.tick(now: t0)
        XCTAssertEqual(supervisor.status().map(\.state), [.running, .starting])
        supervisor.tick(now: t0 + .seconds(11))
        XCTAssertEqual(supervisor.status().map(\.state), [.running, .running], "surviving the quick-death window counts as running")
    }

    /// The nice value of every thread of `pid` (field 19 of /proc/PID/task/TID/stat).
    private func threadNiceValues(of pid: Int32) throws -> [Int] {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        return try tasks.map { task in
            let stat = try String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8)
            // After the command name in parentheses come fields 3, 4, …: nice is the 17th of them.
            let fields = stat[stat.index(after: try XCTUnwrap(stat.lastIndex(of: ")")))...].split(separator: " ")
            return try XCTUnwrap(Int(fields[16]))
        }
    }

    func testAPluginStartsAsNiceAsItsManifestSaysAndTheDaemonStaysAsItWas() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("/usr/bin/python3 is needed for a plugin that starts a thread of its own")
        }
        let daemonNice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        // python3 starts a thread of its own after exec, so every thread of the plugin is checked.
        let script = "import threading, time; threading.Thread(target=time.sleep, args=(1000,), daemon=True).start(); time.sleep(1000)"
        let supervisor = supervisor([
            PluginManifest(name: "batch", command: "/usr/bin/python3", args: ["-c", script], services: ["parser"], nice: 7),
            PluginManifest(name: "interactive", command: "sleep", args: ["1000"], services: ["search"]),
        ])
        supervisor.start(now: .now)
        let batch = try XCTUnwrap(supervisor.pid(ofPlugin: "batch", instance: 1))
        let interactive = try XCTUnwrap(supervisor.pid(ofPlugin: "interactive", instance: 1))
        waitUntil("the plugin started its second thread") { ((try? self.threadNiceValues(of: batch)) ?? []).count == 2 }
        let nicer = min(19, 7 + Int(daemonNice))
        XCTAssertEqual(try threadNiceValues(of: batch), [nicer, nicer])
        XCTAssertEqual(try threadNiceValues(of: interactive), [Int(daemonNice)])
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), daemonNice, "the daemon's thread is unchanged")
    }

    func testDeathsAfterAnnouncingAreNotACrashLoop() throws {
        // A worker that came up and then died on a job (a poison report, the job timeout) is restarted
        // every time with the first delay, and its plugin is never given up on for it.
        let supervisor = supervisor([PluginManifest(name: "poisoned", command: "/bin/false", services: ["parser"])])
        var now = ContinuousClock.now
        supervisor.start(now: now)
        for death in 1...7 {
            let pid = try XCTUnwrap(supervisor.status()[0].pid, "death \(death)")
            XCTAssertTrue(supervisor.workerAnnounced(pid: pid))
            waitUntil("death \(death) reaped", step: { supervisor.tick(now: now) }) { supervisor.status()[0].state == .backoff }
            now += .milliseconds(500)
            supervisor.tick(now: now)
        }
        XCTAssertEqual(supervisor.status()[0].restarts, 7)
        XCTAssertNotEqual(supervisor.status()[0].state, .failed)
    }

    func testACrashingCommandIsRestartedWithDoublingBackoffThenMarkedFailed() throws {
        let supervisor = supervisor([PluginManifest(name: "crashy", command: "/bin/false", services: ["parser"])])
        var now = ContinuousClock.now
        supervisor.start(now: now)
        var delays: [Duration] = []
        var lastState = PluginState.starting
        // Synthetic time only moves while the instance waits to restart, so every death is "quick".
        waitUntil("crash loop ends in failed", step: {
            supervisor.tick(now: now)
            let state = supervisor.status()[0].state
            if state == .backoff && lastState != .backoff { delays.append(.zero) }
            if state == .backoff {
                now += .milliseconds(100)
                delays[delays.count - 1] += .milliseconds(100)
            }
            lastState = state
        }) { supervisor.status()[0].state == .failed }

        let status = supervisor.status()[0]
        XCTAssertEqual(status.restarts, 4)
        XCTAssertNil(status.pid)
        XCTAssertEqual(status.lastExit, "exit status 1")
        // The tick that sees the delay over also spawns, so each wait is its delay, rounded up to 100 ms steps.
        XCTAssertEqual(delays, [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
        XCTAssertEqual(log.entries(containing: "plugin died").filter { $0.level == .warning }.count, 1,
                       "only the first death of a streak is a warning")
        XCTAssertEqual(log.entries(containing: "plugin died").filter { $0.level == .debug }.count, 3)
        XCTAssertEqual(log.entries(containing: "giving up").map(\.level), [.error])

        // A failed plugin stays down until a reload gives it another chance.
        supervisor.tick(now: now + .seconds(60))
        XCTAssertEqual(supervisor.status()[0].state, .failed)
        supervisor.reload(manifests: [PluginManifest(name: "crashy", command: "/bin/false", services: ["parser"])], now: now)
        XCTAssertNotEqual(supervisor.status()[0].state, .failed)
    }

    func testAProcessThatLivedLongRestartsWithTheInitialBackoff() throws {
        let supervisor = supervisor([PluginManifest(name: "sleeper", command: "sleep", args: ["1000"], services: ["parser"])])
        let t0 = ContinuousClock.now
        supervisor.start(now: t0)
        let first = try XCTUnwrap(supervisor.status()[0].pid)
        XCTAssertTrue(supervisor.kill(pid: first))
        let later = t0 + .seconds(60)
        waitUntil("killed worker is reaped", step: { supervisor.tick(now: later) }) {
            supervisor.status()[0].state == .backoff
        }
        XCTAssertEqual(supervisor.status()[0].lastExit?.hasPrefix("killed by signal \(SIGKILL)"), true)
        supervisor.tick(now: later + .milliseconds(499))
        XCTAssertNil(supervisor.status()[0].pid)
        supervisor.tick(now: later + .milliseconds(500))
        let second = try XCTUnwrap(supervisor.status()[0].pid)
        XCTAssertNotEqual(first, second)
        XCTAssertTrue(isAlive(second))
        XCTAssertEqual(supervisor.status()[0].restarts, 1)
        XCTAssertFalse(supervisor.kill(pid: getpid()), "only supervised processes can be killed")
    }

    func testAMissingCommandFailsAtOnceWithTheReason() throws {
        let supervisor = supervisor([PluginManifest(name: "ghost", command: "no-such-report-plugin", services: ["parser"])])
        supervisor.start()
        let status = supervisor.status()[0]
        XCTAssertEqual(status.state, .failed)
        XCTAssertEqual(status.lastExit?.contains("no-such-report-plugin"), true)
        XCTAssertEqual(log.entries(containing: "cannot start plugin").map(\.level), [.error])
    }

    func testStopAllTerminatesAndEscalatesToSIGKILL() throws {
        let ready = directory.appendingPathComponent("trapped").path
        let stubborn = PluginManifest(name: "stubborn", command: "sh",
                                      args: ["-c", "trap '' TERM; touch \(ready); while :; do sleep 1; done"],
                                      services: ["parser"])
        let polite = PluginManifest(name: "polite", command: "sleep", args: ["1000"], services: ["indexer"], instances: 2)
        let supervisor = supervisor([stubborn, polite])
        supervisor.start()
        let pids = supervisor.status().compactMap(\.pid)
        XCTAssertEqual(pids.count, 3)
        waitUntil("the stubborn plugin ignores SIGTERM") { FileManager.default.fileExists(atPath: ready) }

        supervisor.stopAll(deadline: .milliseconds(300))
        for pid in pids {
            errno = 0
            XCTAssertFalse(isAlive(pid), "pid \(pid) survived stopAll")
            XCTAssertEqual(errno, ESRCH, "pid \(pid) was not reaped")
        }
        XCTAssertEqual(Set(supervisor.status().map(\.state)), [.stopped])
        XCTAssertEqual(log.entries(containing: "did not exit in time").count, 1)
        supervisor.tick()
        XCTAssertTrue(supervisor.status().allSatisfy { $0.pid == nil }, "nothing restarts after stopAll")
    }

    func testReloadRestartsOnlyChangedPlugins() throws {
        let keep = PluginManifest(name: "keep", command: "sleep", args: ["1000"], services: ["parser"])
        let change = PluginManifest(name: "change", command: "sleep", args: ["1000"], services: ["indexer"])
        let drop = PluginManifest(name: "drop", command: "sleep", args: ["1000"], services: ["summarizer"])
        let supervisor = supervisor([keep, change, drop])
        let t0 = ContinuousClock.now
        supervisor.start(now: t0)
        let before = Dictionary(uniqueKeysWithValues: supervisor.status().map { ($0.name, $0.pid!) })

        var changed = change
        changed.args = ["2000"]
        let added = PluginManifest(name: "added", command: "sleep", args: ["1000"], services: ["search"])
        supervisor.reload(manifests: [keep, changed, added], now: t0)
        waitUntil("the changed plugin is replaced", step: { supervisor.tick(now: t0) }) {
            supervisor.status().allSatisfy { $0.pid != nil }
        }
        waitUntil("the removed plugin is reaped", step: { supervisor.tick(now: t0) }) { !isAlive(before["drop"]!) }
        let after = Dictionary(uniqueKeysWithValues: supervisor.status().map { ($0.name, $0.pid!) })
        XCTAssertEqual(supervisor.status().map(\.name), ["keep", "change", "added"])
        XCTAssertEqual(after["keep"], before["keep"])
        XCTAssertNotEqual(after["change"], before["change"])
        XCTAssertFalse(isAlive(before["change"]!))
        XCTAssertTrue(isAlive(after["added"]!))
    }
}
