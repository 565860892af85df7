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
    @Flag(help: "Every figure with its sentence and paragraph number, for quoting.") var cite = false
    @Flag(help: "With --cite: the figures as CSV (RFC 4180).") var csv = false

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("--json and --csv exclude each other") }
        guard cite || !csv else { throw ValidationError("--csv goes with --cite") }
    }

    func run() throws {
        let prefix = try ReportIdPrefix(id)
        let context = try Context()
        if cite {
            let view = try daemon.controlClient(context: context)
                .call(ControlRequest(command: .get, reportId: prefix.value, cite: true), as: CiteView.self)
            if json { return try Output.json(view) }
            return try (csv ? AnalysisText.citeCSV(view) : AnalysisText.cite(view)).forEach(Output.line)
        }
        let report = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .get, reportId: prefix.value), as: ReportView.self)
        if json { try Output.json(report) } else { try ReportText.lines(report).forEach(Output.line) }
    }
}
