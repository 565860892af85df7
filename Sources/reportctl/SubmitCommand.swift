import ArgumentParser
import ReportClient
import Foundation
import ReportProtocol
import ZMQ

/// `reportctl submit`: hands files to the daemon, which writes them into its inbox.
/// Useful when the inbox is on another machine or not writable by the caller.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Send files to the daemon's inbox and print their report ids.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The files to submit.") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
    }

    /// Submits every file even when one fails, then fails if any did.
    func run() throws {
        let context = try Context()
        let client = try daemon.controlClient(context: context)
        var failures = 0
        for path in files {
            do {
                let view = try submit(path, through: client)
                try Output.line("\(view.reportId ?? "(id pending)")  \(view.file)  -> \(view.path)")
            } catch let error as ControlClientError {
                // Without a daemon the other files cannot go either.
                if case .noReply = error { throw error }
                Output.warning("\(path): \(error)")
                failures += 1
            } catch let error as CLIError {
                Output.warning("\(path): \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw CLIError.someSubmissionsFailed(failed: failures, total: files.count) }
    }

    private func submit(_ path: String, through client: ControlClient) throws -> SubmitView {
        let url = URL(fileURLWithPath: path)
        let bytes: Data
        do { bytes = try Data(contentsOf: url) }
        catch { throw CLIError.unreadableFile(path: path, reason: error.localizedDescription) }
        return try client.call(ControlRequest(command: .submit, file: url.lastPathComponent),
                               payload: Array(bytes), as: SubmitView.self)
    }
}
