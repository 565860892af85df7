import Foundation
import XCTest

/// A process started by a test: its stderr goes to a file the failure messages quote,
/// and it is killed when the test ends if it is still running.
final class ChildProcess {
    let process = Process()
    private let stderrFile: URL

    init(_ executable: URL, _ arguments: [String], environment: [String: String], logDirectory: URL, test: XCTestCase) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        stderrFile = logDirectory.appendingPathComponent("\(executable.lastPathComponent)-\(UUID().uuidString.prefix(6)).stderr")
        guard FileManager.default.createFile(atPath: stderrFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stderrFile.path])
        }
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let process = self.process
        test.addTeardownBlock {
            if process.isRunning { process.terminate() }
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// The exit status once the process ended on its own, or nil if it still runs after `seconds`.
    func exitStatus(within seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard !process.isRunning else { return nil }
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// What the process wrote on stderr so far, for failure messages.
    var errorOutput: String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }
}
