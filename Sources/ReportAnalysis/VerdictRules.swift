import ReportProtocol

/// The verdict of one target against one actual: every qualifier's rule is here and nowhere
/// else (docs/ANALYSIS.md explains each with the reports it was checked on).
public enum VerdictRules {
    /// How far from its figure "about" (左右) still counts as reached, in points: 50 hundredths.
    /// The State Council counted 7.4% against 7.5%左右 (2014) and 6.9% against 7%左右 (2015)
    /// as 完成了全年主要目标任务, and its growth targets move in steps of half a point (7.5, 7,
    /// 6.5–7, 6.5, 6–6.5, 6, 5.5, 5), so half a point is the band its own figures use. Inclusive:
    /// 5%左右 is met by 4.5% and missed by 4.4%. Below a floor only: see `Goal`.
    public static let aboutTolerance = 0.5

    /// What is known of the actual for the target's year.
    public enum Outcome: Sendable {
        /// No report reviewing the year is stored.
        case pending
        /// The reviewing report is stored; `actual` is its figure, nil when its review states none.
        /// `reference` is that year's GDP growth, what 居民收入增长和经济增长同步 is measured against.
        case reviewed(actual: IndicatorFact?, reference: Double? = nil)
    }

    public static func verdict(target: IndicatorFact, outcome: Outcome) -> Verdict {
        if target.notStated { return .notStated }
        guard case .reviewed(let actual, let reference) = outcome else { return .pending }
        guard let actual else { return .noActual }
        if let goal = Goal(target), let reached = goal.measure(of: actual) {
            return goal.verdict(for: reached)
        }
        if let direction = target.direction, let growth = hundredths(actual.growthPct) {
            return verdict(direction: direction, growth: growth, reference: hundredths(reference))
        }
        return .noActual
    }

    /// The actual minus the figure it was judged against (the low end of a floor, the high end of
    /// a ceiling), signed, in points or the target's unit: −0.1 for 7.4% against 7.5%左右, which
    /// the verdict counts as met and a strict reader as a shortfall. Nil when nothing compares.
    public static func difference(target: IndicatorFact, actual: IndicatorFact) -> Double? {
        guard let goal = Goal(target), let reached = goal.measure(of: actual) else { return nil }
        return points(reached - (goal.atMost ? goal.high : goal.low))
    }

    /// Whether `actual` holds a figure `target` can be judged on: the same measure (growth,
    /// a rate's level, an amount of the same thing), or a growth rate for a target of direction only.
    static func canJudge(_ target: IndicatorFact, on actual: IndicatorFact) -> Bool {
        if let goal = Goal(target) { return goal.measure(of: actual) != nil }
        return target.direction != nil && actual.growthPct != nil
    }

    /// A target with a way but no number: 下降 is met by any fall, 增长 by any rise, 同步 by
    /// growth no more than `aboutTolerance` behind GDP's; the gap is how far the wrong way it went.
    static func verdict(direction: Indicator.Direction, growth: Int, reference: Int?) -> Verdict {
        switch direction {
        case .down: return growth < 0 ? .met : .missed(by: points(growth))
        case .up: return growth > 0 ? .met : .missed(by: points(-growth))
        case .inStep:
            guard let reference else { return .noActual }
            return growth >= reference - tolerance ? .met : .missed(by: points(reference - growth))
        }
    }

    static let tolerance = Int((aboutTolerance * 100).rounded())

    /// Figures are compared in hundredths of their unit, so 5.2 − 5 is 0.2 and not 0.20000000000000018.
    static func hundredths(_ x: Double?) -> Int? { x.map { Int(($0 * 100).rounded()) } }
    static func points(_ hundredths: Int) -> Double { Double(hundredths) / 100 }
}
