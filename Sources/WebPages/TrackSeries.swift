import ReportProtocol

/// What the track chart plots, read from the daemon's `track` rows apart from any drawing: one
/// line per region and target year, the target's shape and the actual on one measure, and the
/// daemon's verdict. The pairing and the verdict are the daemon's (ReportAnalysis's rules,
/// docs/ANALYSIS.md); the web view only draws them, so there is one pairing rule.
public struct TrackSeries: Equatable, Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        /// Growth in percent: comparable across regions of any size.
        case growth
        /// The amount in the unit most rows use.
        case value
    }

    /// The verdicts `track` gives; anything else a newer daemon sends reads as `other`.
    public enum Verdict: String, Sendable {
        case met, missed, pending
        case notStated = "not_stated"
        case noActual = "no_actual"
        case other

        init(_ text: String?) { self = text.flatMap(Verdict.init(rawValue:)) ?? .other }
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
        /// "延庆区 2023": the region and the year the target was set for.
        public var label: String
        public var year: Int
        public var target: TargetShape?
        public var actual: Double?
        public var verdict: Verdict
    }

    public var indicator: String
    public var measure: Measure
    /// The unit of the plotted numbers: % for growth.
    public var unit: String
    public var lines: [Line]
    /// Rows left out: neither target nor actual on this measure (or, for values, in another unit).
    public var omitted: Int

    /// `measure` nil picks growth when any row states a growth rate, else values.
    public init(_ view: TrackView, measure: Measure? = nil) {
        let figures = view.rows.flatMap { [$0.target, $0.actual] }.compactMap { $0 }
        let chosen = measure ?? (figures.contains { $0.growthPct != nil } ? .growth : .value)
        let unit: String
        switch chosen {
        case .growth: unit = "%"
        case .value:
            let units = figures.filter { $0.value != nil }.map { $0.unit ?? "" }
            unit = Dictionary(grouping: units, by: { $0 }).max { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key > $1.key) }?.key ?? ""
        }
        func number(_ figure: FigureView?) -> Double? {
            guard let figure, !figure.notStated else { return nil }
            switch chosen {
            case .growth: return figure.growthPct ?? (figure.qualifier == .same ? 0 : nil)
            case .value: return (figure.unit ?? "") == unit ? figure.value : nil
            }
        }
        var lines: [Line] = []
        var omitted = 0
        for row in view.rows {
            let actual = number(row.actual)
            let target = number(row.target).flatMap { value -> TargetShape? in
                guard let figure = row.target else { return nil }
                let qualifier = chosen == .value ? (figure.valueQualifier ?? figure.qualifier) : figure.qualifier
                let high = chosen == .value ? figure.valueHigh : figure.growthPctHigh
                switch qualifier {
                case .over: return .atLeast(value)
                case .under: return .atMost(value)
                default: return high.map { .range(value, $0) } ?? .point(value)
                }
            }
            guard actual != nil || target != nil else { omitted += 1; continue }
            lines.append(Line(label: "\(row.region) \(row.year)", year: row.year, target: target, actual: actual,
                              verdict: Verdict(row.verdict)))
        }
        self.indicator = view.indicator
        self.measure = chosen
        self.unit = unit
        self.lines = lines
        self.omitted = omitted
    }
}
