import ArgumentParser
import Foundation
import ReportClient
import ReportProtocol
import ZMQ

/// `reportctl submit`: hands files to the daemon, which writes them into its inbox.
/// Useful when the inbox is on another machine or not writable by the caller.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Send files to the daemon's inbox and print their report ids.",
        discussion: """
            With --wait, returns when every submitted report is done or failed and prints its headline; \
            a report that failed makes the exit status 1. A file whose bytes the daemon already holds \
            is answered at once with the stored report.
            """)

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The files to submit.") var files: [String]
    @Flag(help: "Wait until each report is done or failed, and print its headline.") var wait = false
    @Option(name: .customLong("wait-timeout"), help: ArgumentHelp("Seconds --wait waits for all reports in all.", valueName: "seconds"))
    var waitTimeout: Double = 600
    @Flag(help: "Print what was submitted (and with --wait, how each report ended) as JSON.") var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
        guard waitTimeout > 0 else { throw ValidationError("--wait-timeout must be more than 0 seconds") }
    }

    /// Submits every file even when one fails, then fails if any did.
    func run() throws {
        let signals = SignalWatch()
        let context = try Context()
        let client = try daemon.controlClient(context: context)
        client.isInterrupted = { signals.isStopping }
        var submitted: [SubmitView] = []
        var failures = 0
        for path in files {
            do {
                let view = try submit(path, through: client)
                submitted.append(view)
                if !json { try Output.line("\(view.reportId ?? "(id pending)")  \(view.file)  -> \(view.path)") }
            } catch let error as ControlClientError {
                // Without a daemon the other files cannot go either.
                if case .noReply = error { throw error }
                if case .interrupted = error { throw error }
                Output.warning("\(path): \(error)")
                failures += 1
            } catch let error as CLIError {
                Output.warning("\(path): \(error)")
                failures += 1
            }
        }
        let outcomes = wait ? try ReportWaiter(client: client, timeoutSeconds: waitTimeout, isStopping: { signals.isStopping })
            .outcomes(of: submitted, announce: json ? { _ in } : { try Output.line(SubmitText.headline($0)) }) : submitted.map(SubmitOutcome.init)
        if json { try Output.json(outcomes) }
        if failures > 0 { throw CLIError.someSubmissionsFailed(failed: failures, total: files.count) }
        let failed = outcomes.filter { $0.state == "failed" }.count
        if failed > 0 { throw CLIError.reportsFailed(failed: failed, total: outcomes.count) }
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

/// What `submit --json` prints for each file: where it went and, with --wait, how its report ended.
struct SubmitOutcome: Encodable {
    var reportId: String?
    var file: String
    var path: String
    /// `done` or `failed` with --wait; nil without.
    var state: String?
    var error: String?
    /// The report's final feed event (`report.done` with its headline, or `report.failed`).
    var event: FeedEnvelope?
    var title: String?
    var region: String?
    var planYear: Int?

    init(_ view: SubmitView) {
        reportId = view.reportId
        file = view.file
        path = view.path
    }
}

/// One line per finished report: state, id, file, place and year, title, and what was found.
enum SubmitText {
    static func headline(_ outcome: SubmitOutcome) -> String {
        let id = outcome.reportId.map(Formatting.shortId) ?? "?"
        guard outcome.state == "done" else {
            return "failed  \(id)  \(outcome.file)  \(outcome.error ?? "no reason stored")"
        }
        let data = outcome.event?.data
        let place = [outcome.region, outcome.planYear.map(String.init)].compactMap { $0 }.joined(separator: " ")
        var parts = ["done", id, outcome.file]
        if !place.isEmpty { parts.append(place) }
        if let title = outcome.title { parts.append(title) }
        var found: [String] = []
        if let indicators = data?["indicators"]?.intValue { found.append("\(indicators) indicators") }
        if let keywords = data?["keywords"]?.intValue { found.append("\(keywords) keywords") }
        if let elapsed = data?["elapsed_ms"]?.intValue { found.append("\(elapsed) ms") }
        if let duplicate = data?["near_duplicate_of"]?["file"]?.stringValue { found.append("near-duplicate of \(duplicate)") }
        if !found.isEmpty { parts.append(found.joined(separator: ", ")) }
        return parts.joined(separator: "  ")
    }
}
