import ArgumentParser
import Foundation
import ReportProtocol
import ZMQ

/// `reportctl compare INDICATOR`: one indicator across every stored report, e.g. how each
/// district's GDP growth compared with its target.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare one indicator across all stored reports.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The indicator, e.g. 地区生产总值 or 一般公共预算收入.") var indicator: String
    @Flag(help: "Print the comparison as JSON.") var json = false
    @Flag(help: "Print the comparison as CSV (RFC 4180).") var csv = false

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("--json and --csv exclude each other") }
        guard !indicator.allSatisfy(\.isWhitespace) else { throw ValidationError("the indicator is empty") }
    }

    func run() throws {
        let context = try Context()
        let view = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .compare, indicator: indicator), as: CompareView.self)
        if json { return try Output.json(view) }
        let lines = csv ? CompareText.csv(view) : CompareText.table(view)
        try lines.forEach(Output.line)
    }
}
