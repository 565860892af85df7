import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl track INDICATOR`: did each region reach the target it set, year by year.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track", abstract: "Targets against outcomes for one indicator: a row per region and year.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The indicator, e.g. 国内生产总值 or 城镇新增就业.") var indicator: String
    @Option(help: "Only this region: a name (广东省), a full name or a code (440000).") var region: String?
    @Option(help: "Only regions of this level: national, province, city, district, county.") var level: String?
    @Option(help: "Only targets for this year or later.") var from: Int?
    @Option(help: "Only targets for this year or earlier.") var to: Int?
    @OptionGroup var format: RowsFormat

    func validate() throws {
        guard !indicator.allSatisfy(\.isWhitespace) else { throw ValidationError("the indicator is empty") }
    }

    func run() throws {
        let context = try Context()
        let view = try daemon.controlClient(context: context).call(
            ControlRequest(command: .track, region: region, indicator: indicator, level: level, fromYear: from, toYear: to,
                           copyLimit: format.copyLimit),
            as: TrackView.self)
        try format.print(view, csv: { AnalysisText.csv($0.rows) }, table: AnalysisText.track)
    }
}
