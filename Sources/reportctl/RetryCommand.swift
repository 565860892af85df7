import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl retry`: requeues a failed report from the stage where it failed.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Requeue a failed report.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The report id, or a unique prefix of at least 8 hex digits.") var id: String
    @Flag(help: "Print the report as it stands after requeueing, as JSON.") var json = false

    func run() throws {
        let prefix = try ReportIdPrefix(id)
        let context = try Context()
        let data = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .retry, reportId: prefix.value))
        // The daemon answers with the report as it stands after requeueing; an older one may answer nothing.
        let report = try? data?.decode(ReportView.self)
        if json {
            // The daemon's answer as it came; from an older daemon that answers nothing, the id asked for.
            try Output.json(data ?? .object(["report_id": .string(prefix.value), "requeued": .bool(true)]))
        } else if let report {
            try Output.line("requeued \(report.reportId) (\(report.file)), now \(report.state)")
        } else {
            try Output.line("requeued \(prefix.value)")
        }
    }
}
