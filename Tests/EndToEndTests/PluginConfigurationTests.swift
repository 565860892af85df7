import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// Plugins as operators declare them: manifests in a plugins folder, any language, reloaded by SIGHUP.
final class PluginConfigurationTests: XCTestCase {
    private let config = """
        plugins_dir = "plugins"

        [jobs]
        heartbeat_ms = 500
        """

    func testAPythonPluginServesTheSummarizerInsideTheRealDaemon() throws {
        let python = try XCTUnwrap(RepositoryPaths.python, "python3 with python3-zmq is needed")
        let daemon = try DaemonProcess(config: config)
        try writeManifests(for: daemon, parserInstances: 1, summarizer: """
            name = "example-python-summarizer"
            command = "\(python.path)"
            args = ["\(RepositoryPaths.root.appendingPathComponent("Plugins/examples/python/summarizer_worker.py").path)"]
            services = ["summarizer"]
            [environment]
            PYTHONUNBUFFERED = "1"
            """)
        try daemon.start()

        let sample = try daemon.dropSample("003")
        let events = try daemon.awaitReports([sample.reportId])
        let summarized = try XCTUnwrap(events.first { $0.topic == .summarized && $0.reportId == sample.reportId })
        let summary = try summarized.data.decode(SummaryResult.self)
        XCTAssertTrue(summary.dictionary.hasPrefix("none: CJK character bigrams"), "the Python plugin answered: \(summary.dictionary)")
        XCTAssertFalse(summary.keywords.isEmpty)
        let text = String(decoding: try Data(contentsOf: RepositoryPaths.corpusFile("003")), as: UTF8.self)
            .filter { !$0.isWhitespace }
        for sentence in summary.summary {
            XCTAssertTrue(text.contains(sentence.filter { !$0.isWhitespace }), "a sentence of the report: \(sentence)")
        }

        let status = try XCTUnwrap(try daemon.control().request(.init(command: .status)).data).decode(StatusView.self)
        XCTAssertEqual(status.workers.filter { $0.name == "example-python-summarizer" }.map(\.services), [["summarizer"]])
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }

    func testSIGHUPRestartsOnlyTheChangedPluginAndKeepsServing() throws {
        let daemon = try DaemonProcess(config: config)
        try writeManifests(for: daemon, parserInstances: 2)
        try daemon.start()
        let before = try awaitPlugins(daemon) { $0.filter { $0.name == "parser" && $0.state == "running" }.count == 2 }
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)

        try writeManifests(for: daemon, parserInstances: 1)
        kill(pid, SIGHUP)
        let after = try awaitPlugins(daemon) { plugins in
            plugins.filter { $0.name == "parser" }.count == 1 && plugins.allSatisfy { $0.state == "running" }
        }
        XCTAssertEqual(daemon.process?.isRunning, true, "the daemon itself keeps running")
        XCTAssertEqual(pids(after, "indexer"), pids(before, "indexer"), "an unchanged plugin is left alone")
        XCTAssertEqual(pids(after, "summarizer"), pids(before, "summarizer"))
        XCTAssertNotEqual(pids(after, "parser"), pids(before, "parser"), "the changed plugin was restarted")

        let sample = try daemon.dropSample("002")
        try daemon.awaitReports([sample.reportId])
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }

    /// The shipped manifests for parser and indexer, and a summarizer manifest of the test's choice.
    private func writeManifests(for daemon: DaemonProcess, parserInstances: Int, summarizer: String? = nil) throws {
        let folder = daemon.root.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shipped = RepositoryPaths.root.appendingPathComponent("Config/plugins")
        let parser = try String(contentsOf: shipped.appendingPathComponent("parser.toml"), encoding: .utf8)
            .replacingOccurrences(of: "instances = 2", with: "instances = \(parserInstances)")
        try parser.write(to: folder.appendingPathComponent("parser.toml"), atomically: true, encoding: .utf8)
        for name in ["indexer.toml", "summarizer.toml"] {
            let target = folder.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: target)
        }
        if let summarizer {
            try summarizer.write(to: folder.appendingPathComponent("summarizer.toml"), atomically: true, encoding: .utf8)
        }
    }

    private func awaitPlugins(_ daemon: DaemonProcess, until done: ([PluginView]) -> Bool) throws -> [PluginView] {
        let end = Date() + 60
        var plugins: [PluginView] = []
        while Date() < end {
            plugins = try XCTUnwrap(try daemon.control().request(.init(command: .status)).data).decode(StatusView.self).plugins
            if done(plugins) { return plugins }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("plugins never reached the expected state: \(plugins)\n\(daemon.log)")
        return plugins
    }

    private func pids(_ plugins: [PluginView], _ name: String) -> [Int32] {
        plugins.filter { $0.name == name }.compactMap(\.pid).sorted()
    }
}
