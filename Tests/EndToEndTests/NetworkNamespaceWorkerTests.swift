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
        XCTAssertEqual(try setup.parserWorkers(), [])

        let accepted = namespace.command(parser, setup.workerArguments(connectingTo: setup.bindEndpoint, key: "good"))
        let worker = try ChildProcess(accepted.executable, accepted.arguments, logDirectory: daemon.root, test: self)
        let samples = [try daemon.dropSample("001"), try daemon.dropSample("003")]
        let events = try daemon.awaitReports(samples.map(\.reportId))
        for sample in samples {
            XCTAssertNotNil(events.first { $0.topic == .parsed && $0.reportId == sample.reportId }, sample.file)
        }
        let workers = try setup.parserWorkers()
        XCTAssertEqual(workers.count, 1, "\(workers)")
        XCTAssertEqual(workers.first?.jobsDone, samples.count, "the namespaced worker parsed every report")
        XCTAssertTrue(worker.process.isRunning, worker.errorOutput)
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }
}
