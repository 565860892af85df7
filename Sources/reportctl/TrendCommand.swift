import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl trend PHRASE`: how often a phrase occurs across the indexed reports, per 10,000
/// characters, by year, region or level, counted by the `search` service from the index.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "How often a phrase occurs across the indexed reports, per 10,000 characters.",
        discussion: """
            Every place the phrase occurs counts (not only the reports holding it), found as search \
            finds it: its characters in a row, whitespace ignored, in either script. Copies of one \
            report (the same report as text and as Word) each count.
            """)

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The phrase, e.g. 新质生产力.") var phrase: String
    @Option(help: "Group the reports by year (the year a report plans for), region or level.") var by: TrendGrouping = .year
    @OptionGroup var format: RowsFormat

    func validate() throws {
        guard !phrase.allSatisfy(\.isWhitespace) else { throw ValidationError("the phrase is empty") }
    }

    func run() throws {
        let context = try Context()
        let response = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .trend, query: phrase, by: by.rawValue), as: TrendResponse.self)
        try format.print(response, csv: TrendText.csv, table: TrendText.table)
    }
}

extension TrendGrouping: ExpressibleByArgument {}
