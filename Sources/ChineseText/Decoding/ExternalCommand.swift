import Foundation

/// Runs a helper program directly (no shell, so no quoting of file names), waits at most
/// `timeout`, and keeps the last of what it wrote to stderr for the error message.
enum ExternalCommand {
    struct Result {
        var status: Int32
        /// stderr, trimmed and cut to a readable length.
        var message: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws(Failure) -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "\(executable) is not installed (Debian package poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start \(executable): \(error.localizedDescription)")
        }
        // Read stderr while waiting so a chatty tool cannot block on a full pipe.
        let collected = StderrCollector()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            collected.data = stderr.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            throw Failure(description: "\(URL(fileURLWithPath: executable).lastPathComponent) took longer than \(Int(timeout)) s")
        }
        drained.wait()
        let text = String(decoding: collected.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Result(status: process.terminationStatus, message: String(text.suffix(300)))
    }
}

/// Written by the reader thread, read only after it has finished.
private final class StderrCollector: @unchecked Sendable {
    var data = Data()
}
