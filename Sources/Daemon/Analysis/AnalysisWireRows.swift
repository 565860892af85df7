import ReportAnalysis
import ReportProtocol

/// The analysis' outcomes in the control protocol's flat shapes (`TargetRow`, `FigureView`).
extension TargetRow {
    /// `copyLimit`: how many copies each figure names (`ControlRequest.copyLimit`), nil for all.
    init(_ o: TargetOutcome, copyLimit: Int? = nil) {
        self.init(region: o.region, year: o.year, indicator: o.indicator, target: o.target, actual: o.actual,
                  revised: o.revised, verdict: o.verdict, difference: o.difference, copyLimit: copyLimit)
    }

    init(_ s: SeriesRow, region: RegionRef, copyLimit: Int? = nil) {
        self.init(region: region, year: s.year, indicator: s.indicator, target: s.target, actual: s.actual,
                  revised: [], verdict: s.verdict,
                  difference: s.target.flatMap { t in s.actual.flatMap { VerdictRules.difference(target: t.figure, actual: $0.figure) } },
                  copyLimit: copyLimit)
    }

    private init(region: RegionRef, year: Int, indicator: String, target: FigureRef?, actual: FigureRef?,
                 revised: [FigureRef], verdict: Verdict?, difference: Double?, copyLimit: Int?) {
        let view = { (f: FigureRef) in FigureView(f, copyLimit: copyLimit) }
        var gapUnit: String?
        if case .missed(_, let unit)? = verdict { gapUnit = unit }
        self.init(region: region.displayName, regionCode: region.code, regionLevel: region.level, year: year,
                  indicator: indicator, target: target.map(view), actual: actual.map(view),
                  revised: revised.map(view), verdict: verdict?.name, gap: verdict?.gap, gapUnit: gapUnit,
                  difference: difference, verdictText: verdict?.description)
    }
}

extension FigureView {
    init(_ f: FigureRef, copyLimit: Int?) {
        let i = f.figure
        self.init(reportId: f.reportId, copies: copyLimit.map { Array(f.copies.prefix($0)) } ?? f.copies,
                  copyCount: f.copies.count, paragraph: f.paragraph, name: i.name, value: i.value,
                  valueHigh: i.valueHigh, unit: i.unit, growthPct: i.growthPct, growthPctHigh: i.growthPctHigh,
                  qualifier: i.qualifier, valueQualifier: i.valueQualifier, direction: i.direction,
                  estimated: i.estimated, notStated: i.notStated, evidence: i.evidence)
    }
}
