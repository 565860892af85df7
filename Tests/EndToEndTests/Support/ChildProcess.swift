import Foundation
import XCTest

/// A process started by a test: its stdout and stderr go to files the assertions read,
/// and it is killed when the test ends if it is still running.
final class ChildProcess {
    let process = Process()
    private let stdoutFile: URL
    private let stderrFile: URL

    /// `standardOutput`, when given, replaces the capture file (a pipe, to test a reader that goes away).
    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], logDirectory: URL,
         standardOutput: Any? = nil, test: XCTestCase) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stem = logDirectory.appendingPathComponent("\(executable.lastPathComponent)-\(UUID().uuidString.prefix(6))")
        stdoutFile = stem.appendingPathExtension("stdout")
        stderrFile = stem.appendingPathExtension("stderr")
        process.standardOutput = try standardOutput ?? Self.emptyFile(stdoutFile)
        process.standardError = try Self.emptyFile(stderrFile)
        try process.run()
        let process = self.process
        test.addTeardownBlock {
            if process.isRunning { process.terminate() }
        }
    }

    private static func emptyFile(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return try FileHandle(forWritingTo: url)
    }

    var pid: Int32 { process.processIdentifier }

    /// The exit status once the process ended on its own, or nil if it still runs after `seconds`.
    /// A death by signal N reads as 128 + N, as a shell shows it.
    func exitStatus(within seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else { return nil }
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// What the process wrote on stdout so far.
    var output: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }

    /// What the process wrote on stderr so far, for failure messages.
    var errorOutput: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// Waits until stdout holds a line satisfying `condition`; false if none came within `seconds`.
    func awaitOutputLine(within seconds: Double = 30, where condition: (Substring) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if output.split(separator: "\n").contains(where: condition) { return true }
            guard process.isRunning else { return output.split(separator: "\n").contains(where: condition) }
            usleep(20_000)
        }
        return false
    }
}
