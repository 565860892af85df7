import ArgumentParser
import Foundation
import ReportProtocol
import ZMQ

/// `reportctl list`: the reports the daemon holds, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List stored reports, newest first.",
        discussion: "--since takes an age (30m, 2h, 7d), a day (2026-11-25, from midnight UTC) or an RFC 3339 time.")

    @OptionGroup var daemon: DaemonOptions
    @Flag(help: "Only reports that failed (the same as --state failed).") var failed = false
    @Option(help: ArgumentHelp("Only reports in this state: accepted, parsed, done or failed.", valueName: "state"))
    var state: String?
    @Option(help: ArgumentHelp("Only reports received at or after this time.", valueName: "time")) var since: String?
    @Option(help: "The most reports to show.") var limit = 50
    @Flag(help: "Print the list as JSON.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if failed, let state, state != "failed" { throw ValidationError("--failed and --state \(state) contradict each other") }
        if let since, SinceTime.parse(since) == nil {
            throw ValidationError("--since \(since): give an age (30m, 2h, 7d), a day (2026-11-25) or an RFC 3339 time")
        }
    }

    func run() throws {
        let context = try Context()
        let request = ControlRequest(command: .list, limit: limit, state: failed ? "failed" : state,
                                     receivedSince: since.flatMap { SinceTime.parse($0) }.map(SinceTime.rfc3339))
        let list = try daemon.controlClient(context: context).call(request, as: ReportListView.self)
        if json { try Output.json(list) } else { try ListText.lines(list).forEach(Output.line) }
    }
}

/// The human-readable form of a `ReportListView`: one row per report, failures with their reason.
enum ListText {
    static func lines(_ list: ReportListView) -> [String] {
        guard !list.reports.isEmpty else { return ["No report matches."] }
        var rows: [[String]] = []
        for report in list.reports {
            let place = [report.region, report.planYear.map(String.init)].compactMap { $0 }.joined(separator: " ")
            rows.append([Self.time(report.receivedAt), report.state, Formatting.shortId(report.reportId),
                         place.isEmpty ? "-" : place, Formatting.truncate(report.title ?? report.file, to: 40)])
            if let error = report.error, report.state == "failed" {
                rows.append(["", "", "", "", "↳ " + Formatting.truncate(error, to: 100)])
            }
        }
        var lines = Formatting.table(header: ["RECEIVED (UTC)", "STATE", "ID", "REGION YEAR", "TITLE OR FILE"], rows: rows, indent: "")
        let shown = list.reports.count
        lines.append(shown < list.total ? "\(shown) of \(list.total) reports, newest first (--limit for more)"
                                        : "\(shown) report\(shown == 1 ? "" : "s")")
        return lines
    }

    /// 2026-11-25T15:31:24.123Z → 2026-11-25 15:31:24.
    private static func time(_ rfc3339: String) -> String {
        guard rfc3339.count >= 19 else { return rfc3339 }
        return String(rfc3339.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }
}
