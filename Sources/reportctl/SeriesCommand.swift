import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl series REGION [INDICATOR]`: one region's headline figures year by year.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series", abstract: "One region's headline figures year by year, targets with their outcomes.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The region: a name (广东省), a full name or a code (440000); 全国 for the State Council's reports.") var region: String
    @Argument(help: "Only this indicator, e.g. 地区生产总值.") var indicator: String?
    @OptionGroup var format: RowsFormat

    func validate() throws {
        guard !region.allSatisfy(\.isWhitespace) else { throw ValidationError("the region is empty") }
    }

    func run() throws {
        let context = try Context()
        let view = try daemon.controlClient(context: context).call(
            ControlRequest(command: .series, region: region, indicator: indicator, copyLimit: format.copyLimit), as: SeriesView.self)
        try format.print(view, csv: { AnalysisText.csv($0.rows) }, table: AnalysisText.series)
    }
}
