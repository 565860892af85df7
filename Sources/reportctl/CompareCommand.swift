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
    @Option(help: "At most this many regions and plan years, about a row each (the daemon's default: 1000; it refuses more than 10000).") var limit: Int?
    @OptionGroup var format: RowsFormat

    func validate() throws {
        guard !indicator.allSatisfy(\.isWhitespace) else { throw ValidationError("the indicator is empty") }
    }

    func run() throws {
        let context = try Context()
        let view = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .compare, limit: limit, indicator: indicator), as: CompareView.self)
        try format.print(view, csv: CompareText.csv, table: CompareText.table)
    }
}
