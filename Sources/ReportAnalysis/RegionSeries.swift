/// One region's figures year by year: what `reportctl series REGION [INDICATOR]` is to print.
public enum RegionSeries {
    /// One row per year and indicator a report of the region speaks of, oldest first, headline
    /// indicators in the order the reports name them: the target set for the year and the actual
    /// its review states (both through `TargetPairing`'s rules, so the copies of a report count
    /// once), the verdict when there was a target. `indicator` (any of its names) keeps one.
    public static func rows(of region: RegionRef, indicator: String? = nil, among reports: [ReportFacts]) -> [SeriesRow] {
        let own = reports.filter { $0.region.isSameRegion(as: region) }
        let groups = DuplicateGroups(own)
        let canonical = own.filter { groups.isCanonical($0.reportId) }
        let copies = { (id: String) in groups.group(of: id)?.others ?? [] }
        let key = indicator.map(IndicatorKey.of)
        let outcomes = TargetPairing.outcomes(of: own).filter { key == nil || $0.indicator == key }

        var rows = outcomes.map { SeriesRow(year: $0.year, indicator: $0.indicator, target: $0.target, actual: $0.actual, verdict: $0.verdict) }
        // Actuals of years whose targets are not stored (the first report of a run reviews a year
        // no stored report planned), and of indicators with no target.
        for report in canonical.sorted(by: { ($0.reviewYear ?? 0) < ($1.reviewYear ?? 0) }) {
            guard let year = report.reviewYear else { continue }
            var seen: Set<String> = []
            for fact in report.indicators where fact.kind == .actual && fact.headline && fact.year == year
                && (fact.source == "review" || fact.source == nil) && TargetPairing.hasFigure(fact)
                && (key == nil || fact.key == key) && seen.insert(fact.key).inserted {
                if rows.contains(where: { $0.year == year && $0.indicator == fact.key }) { continue }
                rows.append(SeriesRow(year: year, indicator: fact.key, target: nil,
                                      actual: FigureRef(reportId: report.reportId, copies: copies(report.reportId), paragraph: fact.paragraph, figure: fact),
                                      verdict: nil))
            }
        }
        return rows.enumerated().sorted { a, b in (a.element.year, a.offset) < (b.element.year, b.offset) }.map(\.element)
    }
}

public struct SeriesRow: Codable, Sendable, Equatable {
    public var year: Int
    public var indicator: String
    public var target: FigureRef?
    public var actual: FigureRef?
    /// Nil when no target for the year is stored.
    public var verdict: Verdict?
}
