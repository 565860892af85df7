import Foundation
import ReportProtocol
import XCTest
import ZMQ

/// A worker on another machine, as the daemon sees it: TCP off loopback, CURVE, authorised keys.
final class CurveWorkerTests: XCTestCase {
    func testAnAuthorisedWorkerDoesTheJobsOverCurveAndAnUnknownKeyIsRefused() throws {
        // 0.0.0.0 is not loopback, so the daemon serves CURVE; the workers reach it on 127.0.0.1.
        let setup = try CurveDaemon(bindHost: "0.0.0.0", test: self)
        let daemon = setup.daemon
        let endpoint = setup.bindEndpoint.replacingOccurrences(of: "0.0.0.0", with: "127.0.0.1")
        let parser = try RepositoryPaths.executable("report-parser")

        let intruder = try ChildProcess(parser, setup.workerArguments(connectingTo: endpoint, key: "unknown"),
                                        logDirectory: daemon.root, test: self)
        XCTAssertEqual(intruder.exitStatus(within: 60), 1, "a refused worker stops: \(intruder.errorOutput)")
        XCTAssertTrue(intruder.errorOutput.contains("refused this worker's CURVE key"), intruder.errorOutput)
        let prefix = try setup.keyPrefix("unknown")
        XCTAssertTrue(daemon.log.contains("refused client 127.0.0.1 with key \(prefix)"), daemon.log)
        XCTAssertEqual(try setup.workers(), [], "the refused worker never joined")

        // The same settings through the environment, as a systemd unit on a worker machine gives them.
        let worker = try ChildProcess(parser, ["serve"], environment: try setup.curveEnvironment(key: "good")
            .merging(["REPORTD_BROKER": endpoint]) { $1 }, logDirectory: daemon.root, test: self)
        let sample = try daemon.dropSample("003")
        let events = try daemon.awaitReports([sample.reportId])
        XCTAssertNotNil(events.first { $0.topic == .parsed && $0.reportId == sample.reportId })
        let workers = try setup.workers()
        XCTAssertEqual(workers.count, 1, "\(workers)")
        XCTAssertGreaterThanOrEqual(workers.first?.jobsDone ?? 0, 1, "the authorised remote worker parsed the report")
        XCTAssertTrue(worker.process.isRunning, worker.errorOutput)
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }

    func testASubscriberGetsTheFeedOverCurveOnlyWithAnAuthorisedKey() throws {
        let setup = try CurveDaemon(bindHost: "0.0.0.0", localPlugins: ["parser", "indexer", "summarizer"],
                                    feedOnNetwork: true, test: self)
        let feed = try XCTUnwrap(setup.feedEndpoint).replacingOccurrences(of: "0.0.0.0", with: "127.0.0.1")
        let reportctl = try Reportctl(daemon: setup.daemon, test: self)
        func subscriber(key: String) throws -> ChildProcess {
            // --since 0 replays through the (plain, ipc) control socket once, at start, while the
            // history is still empty: every line printed afterwards came through the CURVE feed.
            try reportctl.start(["subscribe", "--feed", feed, "--since", "0", "--topic", "report.done",
                                 "--server-key", setup.serverPublicKeyFile.path, "--key-file", setup.secretKeyFile(key).path])
        }
        let intruder = try subscriber(key: "unknown")
        try setup.awaitRefusal(of: "unknown", from: "127.0.0.1")
        let reader = try subscriber(key: "good")

        let sample = try setup.daemon.dropSample("003")
        XCTAssertTrue(reader.awaitOutputLine { $0.contains(sample.reportId) && $0.contains("report.done") },
                      "the authorised subscriber sees report.done: \(reader.output)\(reader.errorOutput)\n\(setup.daemon.log)")
        XCTAssertEqual(intruder.output, "", "the refused subscriber received nothing")
        XCTAssertTrue(intruder.process.isRunning, intruder.errorOutput)
    }

    func testTheDaemonRefusesToStartWithPlainTCPOffLoopback() throws {
        let daemon = try DaemonProcess(config: """
            [daemon]
            worker_endpoint = "tcp://0.0.0.0:\(try FreePort.tcp())"
            """)
        XCTAssertThrowsError(try daemon.start())
        XCTAssertTrue(daemon.log.contains("`daemon.worker_endpoint`"), daemon.log)
        XCTAssertTrue(daemon.log.contains("`curve = true` in the [security] table"), daemon.log)
    }

    func testIPCSocketFilesAndTheDataDirectoryAreClosedToOthers() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        for name in ["control.sock", "feed.sock", "workers.sock"] {
            let path = daemon.dataDir.appendingPathComponent(name).path
            var status = stat()
            XCTAssertEqual(stat(path, &status), 0, path)
            XCTAssertEqual(status.st_mode & S_IFMT, S_IFSOCK, "\(name) is a socket")
            XCTAssertEqual(status.st_mode & 0o077, 0, "\(name) has mode \(String(status.st_mode & 0o777, radix: 8))")
        }
        var status = stat()
        XCTAssertEqual(stat(daemon.dataDir.path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o027, 0, "the data directory is not writable by its group nor open to others")
        XCTAssertEqual(stat(daemon.dataDir.appendingPathComponent("keys/server.key_secret").path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600, "the daemon's secret key is made on first start, private")
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }
}
