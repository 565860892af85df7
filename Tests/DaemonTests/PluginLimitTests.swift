import Foundation
import Glibc
import XCTest
@testable import Daemon

/// Each plugin process runs under its manifest's kernel limits, and is known to the daemon only
/// by the token it was given at spawn, never by the pid a worker declares.
final class PluginLimitTests: XCTestCase {
    private var supervisor: Supervisor!

    override func tearDown() {
        supervisor?.stopAll(deadline: .seconds(2))
    }

    private func start(_ manifest: PluginManifest) throws -> Int32 {
        let directory = try makeTemporaryDirectory(self)
        supervisor = Supervisor(manifests: [manifest], workerEndpoint: "ipc:///tmp/rd-workers.sock", dataDir: directory,
                                executableDirectory: directory, environment: ["PATH": "/usr/bin:/bin"],
                                logger: RecordingLogHandler().logger)
        supervisor.start(now: .now)
        return try XCTUnwrap(supervisor.pid(ofPlugin: manifest.name, instance: 1))
    }

    func testAPluginRunsUnderTheAddressSpaceAndProcessLimitsOfItsManifest() throws {
        let pid = try start(PluginManifest(name: "limited", command: "sleep", args: ["1000"], services: ["parser"],
                                           limits: ResourceLimits(addressSpaceBytes: 2048 << 20, processes: 4096)))
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let line = { (name: String) in limits.split(separator: "\n").first { $0.hasPrefix(name) }.map(String.init) ?? "" }
        XCTAssertEqual(line("Max address space").split(separator: " ", omittingEmptySubsequences: true).suffix(3),
                       ["2147483648", "2147483648", "bytes"])
        XCTAssertEqual(line("Max processes").split(separator: " ", omittingEmptySubsequences: true).suffix(3),
                       ["4096", "4096", "processes"])
        var own = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &own)
        XCTAssertNotEqual(own.rlim_cur, 2048 << 20, "the daemon's own limit is untouched")
    }

    func testOnlyTheTokenGivenAtSpawnNamesThePluginsProcess() throws {
        let pid = try start(PluginManifest(name: "worker", command: "sleep", args: ["1000"], services: ["parser"]))
        // Until the child has exec'd, /proc shows the environment it inherited.
        let token = { () -> Substring? in
            let environment = (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)) ?? ""
            return environment.split(separator: "\0").first { $0.hasPrefix("REPORTD_WORKER_TOKEN=") }?.dropFirst(21)
        }
        waitUntil("the plugin's environment is its own") { token() != nil }
        let given = try XCTUnwrap(token())
        XCTAssertGreaterThanOrEqual(given.count, 20)
        XCTAssertNil(supervisor.workerAnnounced(token: nil), "a worker without a token (remote) names no process")
        XCTAssertNil(supervisor.workerAnnounced(token: "forged-\(pid)"))
        XCTAssertEqual(supervisor.workerAnnounced(token: String(given)), pid)
        XCTAssertEqual(supervisor.status().first?.state, .running)
    }
}
