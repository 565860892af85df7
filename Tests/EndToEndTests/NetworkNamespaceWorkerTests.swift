import Foundation
import ReportProtocol
import XCTest

/// Adding a machine: a worker in its own network namespace, reaching the daemon only over a veth
/// link, connects over TCP with CURVE and does real jobs; the same worker with a key the daemon
/// does not know is refused.
final class NetworkNamespaceWorkerTests: XCTestCase {
    func testAWorkerInAnotherNetworkNamespaceDoesJobsOverCurveOnlyWithAnAuthorisedKey() throws {
        let namespace = try NetworkNamespace(test: self)
        let setup = try CurveDaemon(bindHost: namespace.hostAddress, test: self)
        let daemon = setup.daemon
        let parser = try RepositoryPaths.executable("report-parser")

        let refused = namespace.command(parser, setup.workerArguments(connectingTo: setup.bindEndpoint, key: "unknown"))
        let intruder = try ChildProcess(refused.executable, refused.arguments, logDirectory: daemon.root, test: self)
        XCTAssertEqual(intruder.exitStatus(within: 60), 1, "the worker with an unknown key is refused: \(intruder.errorOutput)")
        XCTAssertTrue(intruder.errorOutput.contains("refused this worker's CURVE key"), intruder.errorOutput)
        XCTAssertTrue(daemon.log.contains("refused client \(namespace.namespaceAddress) with key \(try setup.keyPrefix("unknown"))"),
                      "the daemon logs the refusal with the remote address: \(daemon.log)")
        XCTAssertEqual(try setup.workers(), [])

        let accepted = namespace.command(parser, setup.workerArguments(connectingTo: setup.bindEndpoint, key: "good"))
        let worker = try ChildProcess(accepted.executable, accepted.arguments, logDirectory: daemon.root, test: self)
        let samples = [try daemon.dropSample("001"), try daemon.dropSample("003")]
        let events = try daemon.awaitReports(samples.map(\.reportId))
        for sample in samples {
            XCTAssertNotNil(events.first { $0.topic == .parsed && $0.reportId == sample.reportId }, sample.file)
        }
        let workers = try setup.workers()
        XCTAssertEqual(workers.count, 1, "\(workers)")
        XCTAssertEqual(workers.first?.jobsDone, samples.count, "the namespaced worker parsed every report")
        XCTAssertTrue(worker.process.isRunning, worker.errorOutput)
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }

    func testThePythonExamplePluginServesFromAnotherNamespaceOverCurve() throws {
        let python = try XCTUnwrap(RepositoryPaths.python, "python3 with python3-zmq is needed")
        let namespace = try NetworkNamespace(test: self)
        let setup = try CurveDaemon(bindHost: namespace.hostAddress, localPlugins: ["parser", "indexer"], test: self)
        let daemon = setup.daemon
        let script = RepositoryPaths.root.appendingPathComponent("Plugins/examples/python/summarizer_worker.py").path
        let command = namespace.command(python, [script])
        func pythonWorker(key: String) throws -> ChildProcess {
            try ChildProcess(command.executable, command.arguments, environment: try setup.curveEnvironment(key: key)
                .merging(["REPORTD_BROKER": setup.bindEndpoint, "PYTHONUNBUFFERED": "1"]) { $1 },
                logDirectory: daemon.root, test: self)
        }
        let intruder = try pythonWorker(key: "unknown")
        try setup.awaitRefusal(of: "unknown", from: namespace.namespaceAddress)
        XCTAssertEqual(try setup.workers(serving: "summarizer"), [], "the refused plugin never joined")
        intruder.signal(SIGTERM)
        XCTAssertEqual(intruder.exitStatus(within: 10), 0, "a refused plugin still leaves on SIGTERM: \(intruder.errorOutput)")

        _ = try pythonWorker(key: "good")
        let sample = try daemon.dropSample("003")
        let events = try daemon.awaitReports([sample.reportId])
        let summarized = try XCTUnwrap(events.first { $0.topic == .summarized && $0.reportId == sample.reportId })
        let summary = try summarized.data.decode(SummaryResult.self)
        XCTAssertTrue(summary.dictionary.hasPrefix("none: CJK character bigrams"), "the Python plugin answered: \(summary.dictionary)")
        XCTAssertEqual(try setup.workers(serving: "summarizer").map(\.name), ["example-python-summarizer"])
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }
}
