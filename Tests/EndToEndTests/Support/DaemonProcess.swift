import Foundation
import ReportClient
import XCTest
import ZMQ

/// A real `reportd` process on temporary directories, as a test fixture.
final class DaemonProcess {
    let root: URL
    let inbox: URL
    let dataDir: URL
    let configFile: URL?
    private(set) var process: Process?
    private let output: URL
    /// Variables set for reportd (and so its plugins) on top of the test's own environment.
    var environment: [String: String] = [:]

    var feedEndpoint: String { "ipc://" + dataDir.appendingPathComponent("feed.sock").path }
    var controlEndpoint: String { "ipc://" + dataDir.appendingPathComponent("control.sock").path }

    /// `config` is TOML text written beside the directories; nil runs on the embedded defaults.
    init(config: String? = nil) throws {
        // Under /tmp with a short name: the ipc:// socket paths inside must stay under 107 bytes.
        root = try RepositoryPaths.shortTemporaryDirectory()
        inbox = root.appendingPathComponent("inbox")
        dataDir = root.appendingPathComponent("data")
        output = root.appendingPathComponent("reportd.log")
        if let config {
            let file = root.appendingPathComponent("reportd.toml")
            try Data(config.utf8).write(to: file)
            configFile = file
        } else {
            configFile = nil
        }
    }

    /// Starts reportd and waits until its control socket answers.
    func start() throws {
        let executable = try RepositoryPaths.executable("reportd")
        let process = Process()
        process.executableURL = executable
        var arguments = ["--inbox", inbox.path, "--data-dir", dataDir.path]
        if let configFile { arguments += ["--config", configFile.path] }
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, set in set }
        }
        if !FileManager.default.fileExists(atPath: output.path) { _ = FileManager.default.createFile(atPath: output.path, contents: nil) }
        let log = try FileHandle(forWritingTo: output)
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process
        try waitUntilAnswering()
    }

    private func waitUntilAnswering() throws {
        let end = Date() + 30
        while Date() < end {
            guard process?.isRunning == true else {
                throw FixtureFailure(message: "reportd exited at start:\n\(log)")
            }
            if FileManager.default.fileExists(atPath: dataDir.appendingPathComponent("control.sock").path),
               let client = try? control(timeoutSeconds: 1),
               let reply = try? client.request(.init(command: .status)), reply.ok {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw FixtureFailure(message: "reportd did not answer on \(controlEndpoint) within 30 s:\n\(log)")
    }

    /// Sends SIGTERM and returns the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 30) -> Int32? {
        guard let process, process.isRunning else { return process?.terminationStatus }
        process.terminate()
        let end = Date() + timeout
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// The file reportd's stdout and stderr go to.
    var logFile: URL { output }

    /// reportctl's own client (ReportClient), on a context of its own.
    func control(timeoutSeconds: Double = 10) throws -> ControlClient {
        try ControlClient(context: Context(), endpoint: controlEndpoint, timeoutSeconds: timeoutSeconds)
    }

    /// Drops a file the documented safe way: write a dotfile, then rename it into place.
    func dropByRename(_ bytes: [UInt8], as name: String) throws {
        let temporary = inbox.appendingPathComponent(".\(name).part")
        try Data(bytes).write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: inbox.appendingPathComponent(name))
    }

    /// Copies a file in slow chunks, as a slow network copy would.
    func dropSlowly(_ bytes: [UInt8], as name: String, chunks: Int = 5, pause: TimeInterval = 0.15) throws {
        let target = inbox.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: target.path, contents: nil)
        let handle = try FileHandle(forWritingTo: target)
        let size = (bytes.count + chunks - 1) / chunks
        for start in stride(from: 0, to: bytes.count, by: size) {
            handle.write(Data(bytes[start..<min(bytes.count, start + size)]))
            Thread.sleep(forTimeInterval: pause)
        }
        try handle.close()
    }

    func drop(_ bytes: [UInt8], as name: String) throws {
        try Data(bytes).write(to: inbox.appendingPathComponent(name))
    }

    func files(in shelf: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dataDir.appendingPathComponent(shelf).path)) ?? []).sorted()
    }

    deinit {
        stop()
        if ProcessInfo.processInfo.environment["REPORTD_KEEP_TEST_DIRS"] == nil {
            try? FileManager.default.removeItem(at: root)
        }
    }
}
