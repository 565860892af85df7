import ReportProtocol

/// Reads the figures that follow an indicator's name, inside the span where they can belong
/// to it. Only digits count: a masked figure (X亿元, 增长%) yields nothing, never a guess.
struct FigureReader {
    struct Figures {
        var value: Double?
        var unit: String?
        var growthPct: Double?
        var qualifier: Indicator.Qualifier?

        var isEmpty: Bool { value == nil && growthPct == nil }
    }

    static let moneyUnits = ["万亿元", "亿元", "万元", "元"].map(\.scalarArray)
    static let growthWords: [(word: [Unicode.Scalar], sign: Double)] = [
        ("增长", 1), ("增速", 1), ("涨幅", 1), ("上涨", 1), ("下降", -1), ("降低", -1), ("减少", -1), ("回落", -1),
    ].map { ($0.0.scalarArray, $0.1) }
    /// Words allowed between a growth word and its number: 增长了4%, 涨幅控制在3%以内.
    static let growthGaps = ["控制在", "保持在", "达到", "为", "达", "了", "在", "约"].map(\.scalarArray)
    static let underCues = ["控制在", "不超过", "低于"].map(\.scalarArray)
    static let overCues = ["超过", "突破", "不低于", "超", "逾"].map(\.scalarArray)

    let text: ScalarText
    let span: Range<Int>

    func read(_ measure: IndicatorDefinition.Measure) -> Figures {
        var figures = Figures()
        switch measure {
        case .amount:
            readValue(into: &figures, units: Self.moneyUnits)
            readGrowth(into: &figures)
        case .rate:
            readValue(into: &figures, units: [["%"]])
        case .change:
            readGrowth(into: &figures)
            if figures.growthPct == nil, let (pct, qualifier) = firstPercent() {
                figures.growthPct = pct
                figures.qualifier = qualifier
            }
        }
        if figures.growthPct == nil, measure != .rate, isFlat() {
            figures.growthPct = 0
            figures.qualifier = .same
        }
        return figures
    }

    /// The first number in the span directly followed by one of `units`.
    private func readValue(into figures: inout Figures, units: [[Unicode.Scalar]]) {
        var i = span.lowerBound
        while i < span.upperBound {
            guard let (number, end) = text.number(at: i) else { i += 1; continue }
            if let unit = units.first(where: { text.matches($0, at: end) }), end + unit.count <= span.upperBound {
                figures.value = number
                figures.unit = String(String.UnicodeScalarView(unit))
                figures.qualifier = qualifier(before: i, after: end + unit.count)
                return
            }
            i = end
        }
    }

    /// The first growth word followed (through an allowed gap) by a percentage.
    private func readGrowth(into figures: inout Figures) {
        var i = span.lowerBound
        while i < span.upperBound {
            guard let (word, sign) = Self.growthWords.first(where: { text.matches($0.word, at: i) }) else { i += 1; continue }
            var j = i + word.count
            if let gap = Self.growthGaps.first(where: { text.matches($0, at: j) }) { j += gap.count }
            if let (number, end) = text.number(at: j), end < span.upperBound, text.s[end] == "%" {
                figures.growthPct = sign * number
                if let q = qualifier(before: j, after: end + 1) { figures.qualifier = q }
                return
            }
            i += word.count
        }
    }

    private func firstPercent() -> (Double, Indicator.Qualifier?)? {
        var i = span.lowerBound
        while i < span.upperBound {
            if let (number, end) = text.number(at: i) {
                if end < span.upperBound, text.s[end] == "%" { return (number, qualifier(before: i, after: end + 1)) }
                i = end
            } else {
                i += 1
            }
        }
        return nil
    }

    /// 左右/以上/以内/以下 after the figure; 控制在/超过 before it.
    func qualifier(before start: Int, after end: Int) -> Indicator.Qualifier? {
        if text.matches("左右".scalarArray, at: end) { return .about }
        if text.matches("以上".scalarArray, at: end) { return .over }
        if text.matches("以内".scalarArray, at: end) || text.matches("以下".scalarArray, at: end) { return .under }
        if Self.underCues.contains(where: { text.hasSuffix($0, endingAt: start) }) { return .under }
        if Self.overCues.contains(where: { text.hasSuffix($0, endingAt: start) }) { return .over }
        return nil
    }

    /// "与上年持平": no change.
    private func isFlat() -> Bool {
        text.find("持平".scalarArray, in: span) != nil
    }
}
