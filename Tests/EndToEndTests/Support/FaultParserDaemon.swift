import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// A real reportd whose `parser` is Tests/Fixtures/plugins/fault_parser.py: the real report-parser
/// behind a Python worker that crashes, hangs or freezes when a dropped file carries a marker.
/// Indexer and summarizer are the shipped plugins.
struct FaultParserDaemon {
    let daemon: DaemonProcess
    /// Where the fault worker remembers "once" faults and writes the pid of a stuck process.
    let stateDirectory: URL

    /// `jobs` is the body of the config's [jobs] table; `environment` goes to the fault worker.
    init(jobs: String, parserInstances: Int = 1, environment: [String: String] = [:]) throws {
        guard let python = RepositoryPaths.python else {
            throw XCTSkip("no /usr/bin/python3 (Debian's python3 with python3-zmq); set REPORTD_TEST_PYTHON")
        }
        daemon = try DaemonProcess(config: "plugins_dir = \"plugins\"\n\n[jobs]\n\(jobs)\n")
        stateDirectory = daemon.root.appendingPathComponent("fault-state")
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        let plugins = daemon.root.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let shipped = RepositoryPaths.root.appendingPathComponent("Config/plugins")
        for name in ["indexer.toml", "summarizer.toml"] {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: plugins.appendingPathComponent(name))
        }
        let script = RepositoryPaths.fixtures.appendingPathComponent("plugins/fault_parser.py")
        var variables = ["PYTHONUNBUFFERED": "1", "FAULT_STATE_DIR": stateDirectory.path,
                         "REPORT_PARSER": try RepositoryPaths.executable("report-parser").path]
        variables.merge(environment) { _, given in given }
        let manifest = """
            name = "fault-parser"
            command = "\(python.path)"
            args = ["\(script.path)"]
            services = ["parser"]
            instances = \(parserInstances)
            [environment]
            \(variables.sorted { $0.key < $1.key }.map { "\($0.key) = \"\($0.value)\"" }.joined(separator: "\n"))
            """
        try manifest.write(to: plugins.appendingPathComponent("parser.toml"), atomically: true, encoding: .utf8)
    }

    /// A distinct sample report (by `number`) carrying `marker` (e.g. "FAULT:CRASH-ONCE") in its text.
    func drop(number: Int, marker: String? = nil) throws -> (file: String, reportId: String) {
        let base = Array(try Data(contentsOf: RepositoryPaths.corpusFile(String(format: "%03d", number % 5))))
        let note = "\n（测试副本\(number)\(marker.map { "，\($0)" } ?? "")。）\n"
        let bytes = base + Array(note.utf8)
        let name = String(format: "fault-%03d.txt", number)
        try daemon.dropByRename(bytes, as: name)
        return (name, ContentHash.of(bytes))
    }

    /// The pid the fault worker wrote before it got stuck on `reportId`, once it has.
    func stuckPid(of reportId: String, within seconds: TimeInterval = 60) throws -> Int32 {
        let file = stateDirectory.appendingPathComponent("\(reportId).pid")
        let end = Date() + seconds
        while Date() < end {
            if let text = try? String(contentsOf: file, encoding: .utf8), let pid = Int32(text) { return pid }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw FixtureFailure(message: "no worker got stuck on \(reportId) within \(seconds) s; log:\n\(daemon.log)")
    }

    func status() throws -> StatusView {
        let reply = try daemon.control().request(.init(command: .status))
        return try XCTUnwrap(reply.data, reply.error ?? "no status").decode(StatusView.self)
    }

    /// Polls `reportctl status` until `condition` holds for the fault parser's instances.
    @discardableResult
    func awaitParser(within seconds: TimeInterval = 60, _ what: String,
                     until condition: ([PluginView]) -> Bool) throws -> [PluginView] {
        let end = Date() + seconds
        while true {
            let plugins = try status().plugins.filter { $0.name == "fault-parser" }
            if condition(plugins) { return plugins }
            guard Date() < end else {
                throw FixtureFailure(message: "\(what) did not happen within \(seconds) s: \(plugins); log:\n\(daemon.log)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}

/// Whether a process still exists (a zombie counts as gone: the supervisor reaps it).
func processIsAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    return !status.contains("State:\tZ")
}
