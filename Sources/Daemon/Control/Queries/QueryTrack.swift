import Foundation
import GRDB
import ReportAnalysis
import ReportProtocol

/// `reportctl track INDICATOR`: the indicator's targets against their outcomes, a row per region
/// and year, paired and judged by `ReportAnalysis` on the facts rows the filters select.
extension QueryCommands {
    func track(_ request: ControlRequest) throws -> ControlReply {
        let asked = (request.indicator ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !asked.isEmpty else { return .failing(.invalid, "track needs an indicator name, e.g. 国内生产总值") }
        let key = IndicatorKey.of(asked)
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let region = request.region {
            conditions.append("(region_code = ? OR region_name = ? OR region_full = ?)")
            arguments += [region, region, region]
        }
        if let level = request.level {
            conditions.append("region_level = ?")
            arguments += [level]
        }
        // A target of year Y is in the plan of Y's report and the review of Y+1's; a later report may restate it.
        if let from = request.fromYear {
            conditions.append("(plan_year >= ? OR review_year >= ?)")
            arguments += [from, from]
        }
        if let to = request.toYear {
            conditions.append("(plan_year <= ? OR review_year <= ?)")
            arguments += [to, to]
        }
        // Only this indicator's figures are read, and GDP's: a target set in step with the economy
        // (居民收入增长和经济增长同步) is judged against the review's GDP growth. The counts stored
        // beside each report still rank its copies.
        let keys: Set = [key, IndicatorKey.of(IndicatorNames.gdp)]
        let (reports, groups) = try store.database.read { db in
            try StoredFacts.grouped(db, where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "),
                                    arguments: arguments, keys: keys)
        }
        try deadline.check()
        let rows = TargetPairing.outcomes(of: reports, groups: groups).filter { outcome in
            outcome.indicator == key
                && (request.fromYear.map { outcome.year >= $0 } ?? true) && (request.toYear.map { outcome.year <= $0 } ?? true)
                && (request.level.map { outcome.region.level == $0 } ?? true)
        }
        try deadline.check()
        let sorted = rows.map { TargetRow($0, copyLimit: request.copyLimit) }.sorted { ($0.region, $0.year) < ($1.region, $1.year) }
        return try .encoding(TrackView(indicator: key, rows: sorted))
    }
}
