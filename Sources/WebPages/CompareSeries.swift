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

    /// Where a target lies: a point (4%, 4%左右), or a range open to one side (4%以上, 3%以内).
    public enum TargetShape: Equatable, Sendable {
        case point(Double)
        case atLeast(Double)
        case atMost(Double)

        public var value: Double {
            switch self { case .point(let v), .atLeast(let v), .atMost(let v): v }
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
                default: .point(value)
                }
            }
            guard actual != nil || target != nil else { omitted += 1; continue }
            var outcome = Outcome.unknown
            if let actual, let region = row.region, let year = row.actual?.year ?? row.year,
               let setTarget = targets["\(region)|\(year)"], let goal = number(setTarget) {
                outcome = Self.judge(actual: actual, goal: goal, qualifier: setTarget.qualifier, measure: chosen) ? .met : .missed
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

    /// 以内 (at most) is met at or below the goal; 左右 (about) down to half a percentage point
    /// (or 1% of an amount) below it; anything else at or above it.
    static func judge(actual: Double, goal: Double, qualifier: Indicator.Qualifier?, measure: Measure) -> Bool {
        switch qualifier {
        case .under: actual <= goal
        case .about: actual >= goal - (measure == .growth ? 0.5 : abs(goal) * 0.01)
        default: actual >= goal
        }
    }
}
