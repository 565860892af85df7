import Foundation
import ReportProtocol
import XCTest

/// A worker announces the services its manifest assigns it (REPORTD_SERVICES or --services),
/// so one executable can run as the index writer and, in another process, as the searcher.
final class WorkerServicesTests: XCTestCase {
    private func startIndexer(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> (FakeBroker, ChildProcess) {
        let directory = try RepositoryPaths.scratchDirectory(for: self)
        let broker = try FakeBroker(directory: directory)
        var variables = ["REPORTD_BROKER": broker.endpoint, "REPORTD_DATA_DIR": directory.path]
        variables.merge(environment) { $1 }
        let worker = try ChildProcess(try RepositoryPaths.executable("report-indexer"), ["serve"] + arguments,
                                      environment: variables, logDirectory: directory, test: self)
        return (broker, worker)
    }

    private func announced(by broker: FakeBroker, _ worker: ChildProcess) throws -> [String] {
        let ready: FakeBroker.Received
        do { ready = try broker.receive(waitingFor: "READY") } catch {
            XCTFail("worker stderr:\n\(worker.errorOutput)")
            throw error
        }
        guard case .ready(let hello) = ready.message else {
            XCTFail("first message was \(ready.message), not READY")
            return []
        }
        return hello.services
    }

    func testWithoutAnAssignmentTheWorkerAnnouncesEveryServiceItServes() throws {
        let (broker, worker) = try startIndexer()
        XCTAssertEqual(try announced(by: broker, worker), [ServiceName.indexer, ServiceName.search])
    }

    func testTheAssignedServicesNarrowWhatTheWorkerAnnounces() throws {
        let (broker, worker) = try startIndexer(environment: ["REPORTD_SERVICES": " search "])
        XCTAssertEqual(try announced(by: broker, worker), [ServiceName.search])
        let (flagBroker, flagWorker) = try startIndexer(["--services", "indexer"], environment: ["REPORTD_SERVICES": "search"])
        XCTAssertEqual(try announced(by: flagBroker, flagWorker), [ServiceName.indexer], "the flag wins over the environment")
    }

    func testAssigningAServiceThePluginDoesNotServeStopsItWithTheReason() throws {
        let (_, worker) = try startIndexer(environment: ["REPORTD_SERVICES": "search,parser"])
        XCTAssertNotNil(worker.exitStatus(within: 30), "the worker should exit")
        XCTAssertNotEqual(worker.exitStatus(within: 1), 0)
        XCTAssertTrue(worker.errorOutput.contains("names parser, which this plugin does not serve (it serves indexer, search)"),
                      worker.errorOutput)
    }
}
