import ReportProtocol

/// A target reduced to what it is compared on: a bound (or two) in one unit and a side.
struct Goal {
    enum Measure: Equatable { case growth, rateLevel, amount(base: String, scale: Double) }

    var measure: Measure
    var unit: String
    var low: Int
    var high: Int
    /// Reached at or below the figure (a ceiling) rather than at or above it.
    var atMost: Bool
    var tolerance: Int

    init?(_ t: IndicatorFact) {
        let qualifier: Indicator.Qualifier?
        if t.growthPct != nil || t.qualifier == .same && t.value == nil {
            measure = .growth
            unit = Verdict.points
            low = VerdictRules.hundredths(t.growthPct ?? 0)!
            high = VerdictRules.hundredths(t.growthPctHigh) ?? low
            qualifier = t.qualifier
        } else if let value = t.value, t.unit == "%" {
            measure = .rateLevel
            unit = Verdict.points
            low = VerdictRules.hundredths(value)!
            high = VerdictRules.hundredths(t.valueHigh) ?? low
            qualifier = t.qualifier ?? t.valueQualifier
        } else if let value = t.value, let unit = t.unit, let scaled = Quantity.split(unit) {
            measure = .amount(base: scaled.base, scale: scaled.scale)
            self.unit = unit
            low = VerdictRules.hundredths(value)!
            high = VerdictRules.hundredths(t.valueHigh) ?? low
            qualifier = t.valueQualifier ?? t.qualifier
        } else {
            return nil
        }
        switch qualifier {
        case .over?: atMost = low < 0
        case .under?: atMost = low >= 0
        case .about?, .same?, .range?, nil: atMost = IndicatorKey.aimsAtMost(key: t.key, negativeFigure: low < 0)
        }
        // "About" has a band below a floor only. A ceiling's 左右 is a cap (控制在3%左右: prices
        // rising past it is what the target is there to prevent), and no report states an amount
        // 左右 often enough to say how wide the band of 1000万人左右 would be.
        let banded = (qualifier == .about || qualifier == .same) && unit == Verdict.points && !atMost
        tolerance = banded ? VerdictRules.tolerance : 0
    }

    /// The actual's figure in the target's measure and unit, in hundredths; nil when it has none.
    func measure(of a: IndicatorFact) -> Int? {
        switch measure {
        case .growth: return VerdictRules.hundredths(a.growthPct)
        case .rateLevel: return a.unit == "%" ? VerdictRules.hundredths(a.value) : nil
        case .amount(let base, let scale):
            guard let value = a.value, let unit = a.unit, let other = Quantity.split(unit), other.base == base else { return nil }
            return VerdictRules.hundredths(value * other.scale / scale)
        }
    }

    func verdict(for actual: Int) -> Verdict {
        let shortfall = atMost ? actual - high : low - actual
        return shortfall <= tolerance ? .met : .missed(by: VerdictRules.points(shortfall), unit: unit)
    }
}

/// An amount's unit split into its Chinese magnitude and what is counted: 万亿元 → (元, 10¹²).
enum Quantity {
    static let magnitudes: [(prefix: String, scale: Double)] = [("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3)]

    static func split(_ unit: String) -> (base: String, scale: Double)? {
        guard unit != "%", !unit.isEmpty else { return nil }
        for m in magnitudes where unit.hasPrefix(m.prefix) && unit.count > m.prefix.count {
            return (String(unit.dropFirst(m.prefix.count)), m.scale)
        }
        return (unit, 1)
    }
}
