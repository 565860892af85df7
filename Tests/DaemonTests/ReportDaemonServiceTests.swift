@testable import Daemon
import Foundation
import Logging
import XCTest

/// The daemon as a swift-service-lifecycle service: cancelling the task that runs it stops it
/// the way a graceful shutdown does, and `run()` returns (nothing it started outlives it).
final class ReportDaemonServiceTests: XCTestCase {
    func testCancellingTheServiceTaskStopsTheLoopAndRunReturns() async throws {
        let root = try makeTemporaryDirectory(self)
        var settings = DaemonConfig(inbox: root.appendingPathComponent("inbox"), dataDir: root.appendingPathComponent("data"))
        settings.plugins = []
        let configuration = settings
        let daemon = try ReportDaemon(configuration: configuration, logger: Logger(label: "test")) { configuration }
        let service = Task { try await daemon.run() }
        try await Task.sleep(for: .milliseconds(500))
        service.cancel()
        let returned = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await service.value; return true }
            group.addTask { try await Task.sleep(for: .seconds(20)); return false }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        XCTAssertTrue(returned, "run() did not return within 20 s of its task being cancelled")
    }
}
