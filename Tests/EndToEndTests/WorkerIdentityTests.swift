import Foundation
import ReportClient
import ReportProtocol
import XCTest
import ZMQ

/// A worker's declared pid is only shown, never signalled: an impostor claiming the pid of one of
/// the daemon's own plugins and then stalling its job is dropped, and that plugin lives on.
final class WorkerIdentityTests: XCTestCase {
    func testAStuckWorkerClaimingAPluginsPidIsDroppedWithoutKillingThePlugin() throws {
        let daemon = try DaemonProcess(config: """
            plugins_dir = "plugins"
            [jobs]
            timeout_seconds = 2
            """)
        // No parser of its own: the impostor is the only worker the parse job can go to.
        let folder = daemon.root.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shipped = RepositoryPaths.root.appendingPathComponent("Config/plugins")
        try FileManager.default.copyItem(at: shipped.appendingPathComponent("summarizer.toml"),
                                         to: folder.appendingPathComponent("summarizer.toml"))
        try daemon.start()
        let victim = try awaitSummarizerPid(daemon)

        let context = try Context()
        let impostor = try context.socket(.dealer)
        defer { impostor.close() }
        try impostor.connect("ipc://" + daemon.dataDir.appendingPathComponent("workers.sock").path)
        let hello = WorkerHello(name: "impostor", version: "1", services: ["parser"], pid: victim)
        try impostor.send(multipart: WorkerMessage.ready(hello).frames())
        try daemon.dropSample("003")
        // Takes its job and never answers: the daemon gives up on it after the job timeout (2 s),
        // before it misses its heartbeats (5 × 1 s).
        try daemon.awaitLog("worker impostor timed out on a job; dropped it")
        XCTAssertEqual(kill(victim, 0), 0, "the summarizer whose pid was claimed is alive")
        XCTAssertEqual(try awaitSummarizerPid(daemon), victim, "and was never restarted")
        XCTAssertFalse(daemon.log.contains("killing plugin process"), daemon.log)
    }

    private func awaitSummarizerPid(_ daemon: DaemonProcess) throws -> Int32 {
        let end = Date() + 60
        while Date() < end {
            let status = try XCTUnwrap(try daemon.control().request(.init(command: .status)).data).decode(StatusView.self)
            // Instance 1 always: the two instances come up in either order.
            if let plugin = status.plugins.first(where: { $0.name == "summarizer" && $0.instance == 1 }),
               plugin.state == "running", let pid = plugin.pid {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw FixtureFailure(message: "the summarizer never came up:\n\(daemon.log)")
    }
}

extension DaemonProcess {
    /// Waits until the daemon's log says `text`; the wait only bounds a hang.
    func awaitLog(_ text: String, within seconds: TimeInterval = 60) throws {
        let end = Date() + seconds
        while !log.contains(text) {
            guard Date() < end else { throw FixtureFailure(message: "the log never said `\(text)`:\n\(log)") }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}
