import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl get`: everything the daemon stored for one report.
struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show one report: metadata, sections, indicators, keywords, summary, history.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The report id, or a unique prefix of at least 8 hex digits.") var id: String
    @Flag(help: "Print the stored report as JSON.") var json = false

    func run() throws {
        let prefix = try ReportIdPrefix(id)
        let context = try Context()
        let report = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .get, reportId: prefix.value), as: ReportView.self)
        if json { try Output.json(report) } else { try ReportText.lines(report).forEach(Output.line) }
    }
}
