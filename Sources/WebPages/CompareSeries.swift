import ReportAnalysis
import ReportProtocol

/// What the compare chart plots, decided from a `CompareView` apart from any drawing: one line per
/// report, its actual and target on one measure, and whether an actual met the target set for its year.
public struct CompareSeries: Equatable, Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        /// Growth in percent: comparable across regions of any size.
        case growth
        /// The amount in the unit most rows use.
        case value
    }

    public enum Outcome: String, Sendable {
        case met, missed
        /// No target for that region and year among the stored reports.
        case unknown
    }

    /// Where a target lies: a point (4%, 4%左右), a range open to one side (4%以上, 3%以内), or a
    /// closed range (6.5%－7%).
    public enum TargetShape: Equatable, Sendable {
        case point(Double)
        case atLeast(Double)
        case atMost(Double)
        case range(Double, Double)

        /// The figure the target's mark stands at: the low end of a range.
        public var value: Double {
            switch self { case .point(let v), .atLeast(let v), .atMost(let v), .range(let v, _): v }
        }

        /// The far end of a closed range; `value` otherwise.
        public var high: Double {
            if case .range(_, let high) = self { return high }
            return value
        }
    }

    public struct Line: Equatable, Sendable {
        public var label: String
        public var reportId: String
        public var actualYear: Int?
        public var actual: Double?
        public var outcome: Outcome
        public var targetYear: Int?
        public var target: TargetShape?
    }

    public var indicator: String
    public var measure: Measure
    /// The unit of the plotted numbers: % for growth.
    public var unit: String
    public var lines: [Line]
    /// Rows left out: no figure on this measure, or (for values) another unit.
    public var omitted: Int

    /// `measure` nil picks growth when any row states a growth rate, else values.
    public init(_ view: CompareView, measure: Measure? = nil) {
        let rows = view.rows
        let chosen = measure ?? (rows.contains { $0.actual?.growthPct != nil || $0.target?.growthPct != nil } ? .growth : .value)
        let unit: String
        switch chosen {
        case .growth: unit = "%"
        case .value:
            let units = rows.flatMap { [$0.actual, $0.target] }.compactMap { $0?.value == nil ? nil : ($0?.unit ?? "") }
            unit = Dictionary(grouping: units, by: { $0 }).max { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key > $1.key) }?.key ?? ""
        }
        func number(_ indicator: Indicator?) -> Double? {
            guard let indicator else { return nil }
            switch chosen {
            case .growth: return indicator.growthPct ?? (indicator.qualifier == .same ? 0 : nil)
            case .value: return (indicator.unit ?? "") == unit ? indicator.value : nil
            }
        }
        func highEnd(_ indicator: Indicator?) -> Double? {
            switch chosen {
            case .growth: indicator?.growthPctHigh
            case .value: indicator?.valueHigh
            }
        }
        // The target each region set for each year, to judge the actual of that year by.
        var targets: [String: Indicator] = [:]
        for row in rows {
            if let region = row.region, let target = row.target, let year = target.year ?? row.year.map({ $0 + 1 }) {
                targets["\(region)|\(year)"] = target
            }
        }
        var lines: [Line] = []
        var omitted = 0
        for row in rows {
            let actual = number(row.actual)
            let target = number(row.target).map { value -> TargetShape in
                switch row.target?.qualifier {
                case .over: .atLeast(value)
                case .under: .atMost(value)
                case .range: highEnd(row.target).map { .range(value, $0) } ?? .point(value)
                default: .point(value)
                }
            }
            guard actual != nil || target != nil else { omitted += 1; continue }
            var outcome = Outcome.unknown
            if actual != nil, let reached = row.actual, let region = row.region, let year = row.actual?.year ?? row.year,
               let setTarget = targets["\(region)|\(year)"], number(setTarget) != nil {
                outcome = Self.judge(actual: reached, target: setTarget)
            }
            let label = [row.region ?? "?", row.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            lines.append(Line(label: label, reportId: row.reportId, actualYear: row.actual?.year ?? row.year,
                              actual: actual, outcome: outcome,
                              targetYear: row.target?.year ?? row.year.map { $0 + 1 }, target: target))
        }
        self.indicator = view.indicator
        self.measure = chosen
        self.unit = unit
        self.lines = lines
        self.omitted = omitted
    }

    /// Met or missed as ReportAnalysis's `VerdictRules` decide it, the one place the rule of each
    /// qualifier is written (docs/ANALYSIS.md); anything it cannot judge stays unknown.
    static func judge(actual: Indicator, target: Indicator) -> Outcome {
        let verdict = VerdictRules.verdict(target: IndicatorFact(target, paragraph: nil),
                                           outcome: .reviewed(actual: IndicatorFact(actual, paragraph: nil)))
        switch verdict {
        case .met: return .met
        case .missed: return .missed
        case .notStated, .pending, .noActual: return .unknown
        }
    }
}
