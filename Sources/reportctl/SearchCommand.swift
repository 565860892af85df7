import ArgumentParser
import ReportProtocol
import ZMQ

/// `reportctl search`: full-text search over every indexed report, through the daemon's `search` service.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the indexed reports.")

    @OptionGroup var daemon: DaemonOptions
    @Argument(help: "The words to look for, e.g. 地区生产总值.") var query: String
    @Option(help: "The most hits to show.") var limit = 10
    @Option(help: ArgumentHelp("Only reports whose region contains this, e.g. 延庆区.", valueName: "region")) var region: String?
    @Option(help: ArgumentHelp("Only reports for this year (the year a report plans for).", valueName: "year")) var year: Int?
    @Option(help: ArgumentHelp("Only text in sections whose title contains this, e.g. 重点任务.", valueName: "title")) var section: String?
    @Flag(help: "Print the search response as JSON.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !query.allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty") }
    }

    func run() throws {
        let context = try Context()
        let response = try daemon.controlClient(context: context)
            .call(ControlRequest(command: .search, query: query, limit: limit, region: region, year: year, section: section),
                  as: SearchResponse.self)
        if json { try Output.json(response) } else { try SearchText.lines(response).forEach(Output.line) }
    }
}

/// The human-readable form of a `SearchResponse`: one block per hit.
enum SearchText {
    static func lines(_ response: SearchResponse) -> [String] {
        guard !response.hits.isEmpty else { return ["No report matches \(response.query)."] }
        var lines: [String] = []
        for (index, hit) in response.hits.enumerated() {
            let place = [hit.region, hit.year.map { "\($0)" }].compactMap { $0 }.joined(separator: " ")
            lines.append("\(index + 1). \(place.isEmpty ? "?" : place) · \(hit.title ?? hit.file)")
            if let section = hit.section { lines.append("   § \(section)") }
            lines.append("   \(hit.snippet)")
            lines.append("   \(Formatting.shortId(hit.reportId))  \(hit.file)  score \(FigureText.number(hit.score))")
            lines.append("")
        }
        let shown = response.hits.count
        if let total = response.total, total > shown {
            lines.append("\(shown) of \(total) reports for \(response.query), best first (--limit for more)")
        } else {
            lines.append("\(shown) report\(shown == 1 ? "" : "s") for \(response.query)")
        }
        return lines
    }
}
