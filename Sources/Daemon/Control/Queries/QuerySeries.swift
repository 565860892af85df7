import Foundation
import GRDB
import ReportAnalysis
import ReportProtocol

/// `reportctl series REGION [INDICATOR]`: one region's headline figures year by year
/// (`RegionSeries`), from the facts rows of that region's reports.
extension QueryCommands {
    func series(region asked: String, indicator: String?, copyLimit: Int?) throws -> ControlReply {
        let name = asked.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failing(.invalid, "series needs a region: a name (广东省), a full name or a code (440000)") }
        let (regions, reports) = try store.database.read { db in
            let regions = try StoredFacts.regions(named: name, in: db)
            return (regions, try regions.first.map { try StoredFacts.reports(sharing: $0, in: db) } ?? [])
        }
        guard let region = regions.first else { return .failing(.notFound, "no done report is of a region named \(name.sanitizedForLog)") }
        guard regions.count == 1 else {
            return .failing(.invalid, "\(name.sanitizedForLog) names \(regions.count) regions (\(regions.map(\.displayName).joined(separator: ", "))); give the full name or the code")
        }
        try deadline.check()
        let key = indicator.map { IndicatorKey.of($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let rows = RegionSeries.rows(of: region, indicator: key, among: reports).map { TargetRow($0, region: region, copyLimit: copyLimit) }
        return try .encoding(SeriesView(region: region.displayName, indicator: key, rows: rows))
    }
}
