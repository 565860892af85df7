import ReportProtocol

/// Pairs every plan-year target with the actual its year's review reports, across the reports
/// given. Decision logic only: the caller loads the facts and stores or prints the outcomes.
public enum TargetPairing {
    /// One outcome per (canonical report, target key), in the reports' order of plan year, then
    /// the target's order in its report. Copies count once, through their group's canonical member.
    public static func outcomes(of reports: [ReportFacts]) -> [TargetOutcome] {
        outcomes(of: reports, groups: DuplicateGroups(reports))
    }

    /// As `outcomes(of:)`, with the reports' groups as the caller made them: a caller that read
    /// the figures of the canonical members only passes the groups it chose those members by.
    public static func outcomes(of reports: [ReportFacts], groups: DuplicateGroups) -> [TargetOutcome] {
        let canonical = reports.filter { groups.isCanonical($0.reportId) }
        let copies = { (id: String) in groups.group(of: id)?.others ?? [] }
        var outcomes: [TargetOutcome] = []
        let regions = RegionIndex(canonical.map(\.region))
        // Each report's actuals by key, once: looked up per target, a scan of every figure of every
        // report of the region made a region's series quadratic in its reports (perf, 12,000 reports).
        let actuals = canonical.map(Actuals.init)
        let order = canonical.indices.sorted { a, b in
            (canonical[a].planYear ?? 0, canonical[a].receivedAt) < (canonical[b].planYear ?? 0, canonical[b].receivedAt)
        }
        for index in order {
            let report = canonical[index]
            guard let year = report.planYear else { continue }
            let sameRegion = regions.sameRegion(as: index)
            // The report that reviews the year; of two (a 换届 year delivered twice), the first to arrive.
            let reviewIndex = sameRegion.filter { canonical[$0].reviewYear == year }
                .min { DuplicateGroups.earlier(canonical[$0], canonical[$1]) }
            let review = reviewIndex.map { canonical[$0] }
            let reference = reviewIndex.flatMap { actuals[$0].gdpGrowth(year: year) }
            let others = sameRegion.filter { $0 != reviewIndex }
            for target in targets(of: report, year: year) {
                let actual = reviewIndex.flatMap { actuals[$0].reviewed(for: target, year: year) }
                let outcome: VerdictRules.Outcome = review == nil ? .pending : .reviewed(actual: actual, reference: reference)
                let revised = others.compactMap { other in
                    actuals[other].restated(target.key, year: year).map {
                        FigureRef(reportId: canonical[other].reportId, copies: copies(canonical[other].reportId), paragraph: $0.paragraph, figure: $0)
                    }
                }
                outcomes.append(TargetOutcome(
                    region: report.region, year: year, indicator: target.key,
                    target: FigureRef(reportId: report.reportId, copies: copies(report.reportId), paragraph: target.paragraph, figure: target),
                    actual: review.flatMap { r in actual.map { FigureRef(reportId: r.reportId, copies: copies(r.reportId), paragraph: $0.paragraph, figure: $0) } },
                    revised: revised,
                    verdict: VerdictRules.verdict(target: target, outcome: outcome),
                    difference: actual.flatMap { VerdictRules.difference(target: target, actual: $0) }))
            }
        }
        return outcomes
    }

    /// The report's targets for its plan year, one per key in document order: the headline ones
    /// and everything in the main target list (能耗强度下降3.1%以上, 主要污染物排放继续减少); of two
    /// for one key, the main target list's (the authoritative sentence), else the first.
    static func targets(of report: ReportFacts, year: Int) -> [IndicatorFact] {
        var order: [String] = []
        var chosen: [String: IndicatorFact] = [:]
        for t in report.indicators where t.kind == .target && (t.headline || t.source == "target_list") && (t.year ?? year) == year {
            if let kept = chosen[t.key] {
                if kept.source != "target_list" && t.source == "target_list" { chosen[t.key] = t }
            } else {
                order.append(t.key)
                chosen[t.key] = t
            }
        }
        return order.map { chosen[$0]! }
    }

    static func hasFigure(_ i: IndicatorFact) -> Bool { i.growthPct != nil || i.value != nil }
}

/// A report's actual figures that state a value or a rate, by key, in document order: what
/// pairing looks up for each target.
struct Actuals {
    private let byKey: [String: [IndicatorFact]]

    init(_ report: ReportFacts) {
        var byKey: [String: [IndicatorFact]] = [:]
        for fact in report.indicators where fact.kind == .actual && TargetPairing.hasFigure(fact) {
            byKey[fact.key, default: []].append(fact)
        }
        self.byKey = byKey
    }

    /// The year's actual as the report's review states it (source "review", or no source from
    /// parsers before issue 12): headline figures first, and of those the first the target can be
    /// judged on (2016 states GDP as 67.7万亿元 +6.9% and as 突破60万亿元).
    func reviewed(for target: IndicatorFact, year: Int) -> IndicatorFact? {
        let candidates = (byKey[target.key] ?? []).filter { $0.year == year && ($0.source == "review" || $0.source == nil) }
        let ranked = candidates.filter(\.headline) + candidates.filter { !$0.headline }
        return ranked.first { VerdictRules.canJudge(target, on: $0) } ?? ranked.first
    }

    /// The year's actual as the report states it anywhere.
    func restated(_ key: String, year: Int) -> IndicatorFact? {
        byKey[key]?.first { $0.year == year }
    }

    /// The year's GDP growth in the review: what 居民收入增长和经济增长同步 is judged by.
    func gdpGrowth(year: Int) -> Double? {
        var gdp = Self.gdpTarget
        gdp.year = year
        return reviewed(for: gdp, year: year)?.growthPct
    }

    /// A growth target of GDP, to ask `reviewed` for the growth the review states.
    private static let gdpTarget = IndicatorFact(name: IndicatorNames.gdp, kind: .target, year: nil, growthPct: 0)
}
