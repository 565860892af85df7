import ChineseText
import ReportProtocol

/// Reads the figures that follow an indicator's name, inside the span where they can belong
/// to it. Only digits count: a masked figure (X亿元, 增长%) yields nothing, never a guess.
struct FigureReader {
    struct Figures {
        var value: Double?
        var unit: String?
        var growthPct: Double?
        var qualifier: Indicator.Qualifier?
        var valueHigh: Double?
        var growthPctHigh: Double?
        var valueQualifier: Indicator.Qualifier?
        /// Where the first figure read starts, to tell whether 预计 governs it.
        var start: Int?
        /// The value is where a change came to (从54万亿元增加到82.7万亿元): the period's last level.
        var reachedLevel = false

        var isEmpty: Bool { value == nil && growthPct == nil }

        /// A growth rate or a range of two, signed (下降 → negative); a range is its own qualifier.
        mutating func setGrowth(sign: Double, low: Double, high: Double?, qualifier: Indicator.Qualifier?, start: Int) {
            growthPct = sign * low
            growthPctHigh = high.map { sign * $0 }
            self.qualifier = high != nil ? .range : qualifier
            self.start = self.start ?? start
        }
    }

    static let moneyUnits = ["万亿元", "亿元", "万元", "元"].map(\.scalarArray)
    static let growthWords: [(word: [Unicode.Scalar], sign: Double)] = [
        ("增长", 1), ("增速", 1), ("涨幅", 1), ("上涨", 1), ("下降", -1), ("降低", -1), ("减少", -1), ("回落", -1),
    ].map { ($0.0.scalarArray, $0.1) }
    /// Words allowed between a growth word and its number: 增长了4%, 涨幅控制在3%以内.
    static let growthGaps = ["控制在", "保持在", "达到", "为", "达", "了", "在", "约"].map(\.scalarArray)
    static let underCues = ["控制在", "不超过", "低于"].map(\.scalarArray)
    static let overCues = ["超过", "突破", "不低于", "不少于", "超", "逾"].map(\.scalarArray)
    /// An amount that crosses a mark is a lower bound: 突破6万亿元, 迈上9万亿元新台阶.
    /// 达到 is not among them: "国内生产总值达到56.9万亿元" states the year's statistic
    /// (568,845亿元, a little under 56.9), and reading it as "over" would be false.
    static let lowerBoundCues = ["突破", "超过", "迈上", "跨上", "跃上", "站上", "迈过", "跨越", "超", "逾", "不低于", "不少于"].map(\.scalarArray)
    /// Average growth over several years (年均增长7.1%) is not the year's growth.
    static let averageCues = ["年均", "平均"].map(\.scalarArray)
    /// Between a name's clause and a growth rate in the next comma segment, only these may
    /// stand (国内生产总值达到56.9万亿元，比上年增长7.7%): anything else opens another subject.
    static let growthLeadIns = ["比上年", "较上年", "同比", "按可比价格计算", "按可比价计算", "按不变价格计算", "按不变价计算",
                                "同口径", "可比口径", "实际", "名义", "预计", "可比", "全年", "当年"].map(\.scalarArray)
    static let conditionEnds = ["后", "计算", "口径", "来看"].map(\.scalarArray)

    let text: ScalarText
    let span: Range<Int>

    func read(_ definition: IndicatorDefinition) -> Figures {
        read(definition.measure, units: definition.units)
    }

    func read(_ measure: IndicatorDefinition.Measure, units: [[Unicode.Scalar]] = Self.moneyUnits) -> Figures {
        var figures = Figures()
        switch measure {
        case .amount:
            readValue(into: &figures, units: units)
            let valueQualifier = figures.qualifier
            figures.valueQualifier = valueQualifier
            figures.qualifier = nil
            readGrowth(into: &figures)
            // Without a growth rate the qualifier speaks of the value, as it always has.
            if figures.growthPct == nil { figures.qualifier = valueQualifier }
        case .rate:
            if let percent = firstPercent() {
                figures.value = percent.low
                figures.valueHigh = percent.high
                figures.unit = "%"
                figures.qualifier = percent.high != nil ? .range : qualifier(before: percent.start, after: percent.end)
                figures.start = percent.start
                // "从5.2%降到5.0%": the rate it came to.
                if isFrom(before: percent.start) {
                    if let (to, end) = destination(after: percent.end, unit: ["%"]) {
                        figures.value = to
                        figures.qualifier = qualifier(before: end - 1, after: end)
                    } else {
                        figures = Figures()
                    }
                }
            }
        case .change:
            readGrowth(into: &figures)
            // 居民消费价格年均上涨1.9%: a term's average, not the year's change.
            if figures.growthPct == nil, let percent = firstPercent(),
               !Self.averageCues.contains(where: { text.find($0, in: max(span.lowerBound, percent.start - 6)..<percent.start) != nil }) {
                figures.setGrowth(sign: 1, low: percent.low, high: percent.high,
                                  qualifier: qualifier(before: percent.start, after: percent.end), start: percent.start)
            }
        }
        if figures.growthPct == nil, measure != .rate, isFlat() {
            figures.growthPct = 0
            figures.qualifier = .same
        }
        return figures
    }

    /// The first number in the span directly followed by one of `units` (or a range of two:
    /// 300—320亿元). "从54万亿元增加到82.7万亿元" reads the figure it came to.
    private func readValue(into figures: inout Figures, units: [[Unicode.Scalar]]) {
        var i = span.lowerBound
        while i < span.upperBound {
            guard let (number, end) = text.number(at: i) else { i += 1; continue }
            var value = number
            var high: Double?
            var unitStart = end
            if let range = rangeEnd(after: end), range.high > number {
                high = range.high
                unitStart = range.end
            }
            if let unit = units.first(where: { text.matches($0, at: unitStart) }), unitStart + unit.count <= span.upperBound {
                var after = unitStart + unit.count
                var start = i
                if isFrom(before: i), let (to, toEnd) = destination(after: after, unit: unit) {
                    value = to
                    high = nil
                    figures.reachedLevel = true
                    start = after
                    after = toEnd
                }
                figures.value = value
                figures.valueHigh = high
                figures.unit = String(String.UnicodeScalarView(unit))
                figures.qualifier = high != nil ? .range : qualifier(before: start, after: after)
                if high == nil, figures.qualifier == nil, Self.lowerBoundCues.contains(where: { text.find($0, in: max(span.lowerBound, start - 6)..<start) != nil }) {
                    // 迈上了9万亿元新台阶, 首次突破5万亿元: the cue may stand a word or two earlier.
                    figures.qualifier = .over
                }
                // "突破200亿元大关，达到210.5亿元", "突破5万亿元，达到50012.9亿元": the exact figure
                // after the mark, in any of the indicator's units, is the value.
                if figures.qualifier == .over, let (exact, exactUnit) = exactFigure(after: after, units: units),
                   Self.inYuan(exact, exactUnit) > Self.inYuan(value, unit) {
                    figures.value = exact
                    figures.unit = String(String.UnicodeScalarView(exactUnit))
                    figures.qualifier = nil
                }
                figures.start = figures.start ?? start
                return
            }
            i = end
        }
        readRoundMark(into: &figures, units: units)
    }

    /// "经济总量突破万亿元", "迈上千亿元台阶": a mark written without digits, 1万亿元 or 1000亿元.
    private func readRoundMark(into figures: inout Figures, units: [[Unicode.Scalar]]) {
        let marks: [(word: [Unicode.Scalar], value: Double, unit: [Unicode.Scalar])] = [
            ("万亿元".scalarArray, 1, "万亿元".scalarArray), ("千亿元".scalarArray, 1000, "亿元".scalarArray),
        ]
        for cue in Self.lowerBoundCues {
            guard let at = text.find(cue, in: span) else { continue }
            let end = at + cue.count
            if let mark = marks.first(where: { text.matches($0.word, at: end) && end + $0.word.count <= span.upperBound }),
               units.contains(mark.unit) {
                figures.value = mark.value
                figures.unit = String(String.UnicodeScalarView(mark.unit))
                figures.qualifier = .over
                figures.start = at
                return
            }
        }
    }

    /// 达到/达/为 and a number in one of `units`, within the next comma segment.
    private func exactFigure(after start: Int, units: [[Unicode.Scalar]]) -> (Double, [Unicode.Scalar])? {
        let limit = min(span.upperBound, start + 12)
        for word in ["达到", "达", "为"].map(\.scalarArray) {
            guard let at = text.find(word, in: start..<limit), let (number, end) = text.number(at: at + word.count),
                  let unit = units.first(where: { text.matches($0, at: end) }) else { continue }
            return (number, unit)
        }
        return nil
    }

    /// An amount in yuan, to compare a mark (5万亿元) with the exact figure (50012.9亿元); a unit
    /// that is no money (万人, 亿斤) keeps its number, since a mark and its figure share the unit.
    static func inYuan(_ value: Double, _ unit: [Unicode.Scalar]) -> Double {
        switch String(String.UnicodeScalarView(unit)) {
        case "万亿元": value * 1e12
        case "亿元": value * 1e8
        case "万元": value * 1e4
        default: value
        }
    }

    /// "从" or "由" right before the figure (a word of gap at most).
    private func isFrom(before i: Int) -> Bool {
        (max(span.lowerBound, i - 3)..<i).contains { text.s[$0] == "从" || text.s[$0] == "由" }
    }

    /// 增加到/提高到/到/至 then a number in the same unit: where a change came to.
    private func destination(after start: Int, unit: [Unicode.Scalar]) -> (Double, Int)? {
        var j = start
        let limit = min(span.upperBound, start + 8)
        while j < limit, !(text.s[j] == "到" || text.s[j] == "至") { j += 1 }
        guard j < limit, let (number, end) = text.number(at: j + 1), text.matches(unit, at: end) else { return nil }
        return (number, end + unit.count)
    }

    /// The first growth word followed (through an allowed gap) by a percentage, in the name's
    /// own comma segment or in the next one when nothing but a lead-in (比上年) comes before it.
    private func readGrowth(into figures: inout Figures) {
        var i = span.lowerBound
        var segmentStart = span.lowerBound
        var segments = 0
        while i < span.upperBound {
            if text.s[i] == "，" || text.s[i] == "," || text.s[i] == "、" {
                segments += 1
                segmentStart = i + 1
                if segments > 2 { return }
                i += 1
                continue
            }
            guard let (word, sign) = Self.growthWords.first(where: { text.matches($0.word, at: i) }) else { i += 1; continue }
            var j = i + word.count
            if let gap = Self.growthGaps.first(where: { text.matches($0, at: j) }) { j += gap.count }
            let isAverage = Self.averageCues.contains { text.hasSuffix($0, endingAt: i) }
            if !isAverage, segments == 0 || isLeadIn(segmentStart..<i), let percent = percent(at: j) {
                figures.setGrowth(sign: sign, low: percent.low, high: percent.high, qualifier: qualifier(before: j, after: percent.end), start: i)
                return
            }
            i += word.count
        }
    }

    /// A sentence that opens with a growth rate and no subject of its own ("比上年增长5%。"
    /// after "全市生产总值达到5.67万亿元。"): the rate of the figure before it.
    func leadingGrowth() -> Figures? {
        var i = span.lowerBound
        while i < span.upperBound, !QuantityStatements.isSegmentBreak(text.s[i]) || i == span.lowerBound {
            if let (word, sign) = Self.growthWords.first(where: { text.matches($0.word, at: i) }) {
                guard isLeadIn(span.lowerBound..<i), !Self.averageCues.contains(where: { text.hasSuffix($0, endingAt: i) }) else { return nil }
                var j = i + word.count
                if let gap = Self.growthGaps.first(where: { text.matches($0, at: j) }) { j += gap.count }
                guard let percent = percent(at: j) else { return nil }
                var figures = Figures()
                figures.setGrowth(sign: sign, low: percent.low, high: percent.high, qualifier: qualifier(before: j, after: percent.end), start: i)
                return figures
            }
            i += 1
        }
        return nil
    }

    /// Only lead-in words (or nothing) between a segment's start and its growth word.
    private func isLeadIn(_ range: Range<Int>) -> Bool {
        // "还原留抵退税因素影响后增长7%", "按可比口径增长": a condition of the rate, not a subject.
        if Self.conditionEnds.contains(where: { text.hasSuffix($0, endingAt: range.upperBound) }),
           !range.contains(where: { ScalarClass.isASCIIDigit(text.s[$0]) }) { return true }
        var i = range.lowerBound
        while i < range.upperBound {
            guard let word = Self.growthLeadIns.first(where: { text.matches($0, at: i) }) else { return false }
            i += word.count
        }
        return true
    }

    private func firstPercent() -> (low: Double, high: Double?, start: Int, end: Int)? {
        var i = span.lowerBound
        while i < span.upperBound {
            if let percent = percent(at: i) { return (percent.low, percent.high, i, percent.end) }
            if let (_, end) = text.number(at: i) { i = end } else { i += 1 }
        }
        return nil
    }

    /// A percentage at `i`: 6%, or a range 6%—6.5%, 6.5－7%, 6-6.5%; `end` is past the last %.
    /// "从2.4%到2.6%" is a change, not a range: the first figure alone is read.
    func percent(at i: Int) -> (low: Double, high: Double?, end: Int)? {
        guard let (low, end) = text.number(at: i), end < span.upperBound else { return nil }
        if text.s[end] == "%" {
            if !isFrom(before: i), let range = rangeEnd(after: end + 1), range.high > low, range.end < span.upperBound,
               text.s[range.end] == "%" {
                return (low, range.high, range.end + 1)
            }
            return (low, nil, end + 1)
        }
        if let range = rangeEnd(after: end), range.high > low, range.end < span.upperBound, text.s[range.end] == "%" {
            return (low, range.high, range.end + 1)
        }
        return nil
    }

    /// A dash (or 至/到) and the number after it: the high end of a range.
    private func rangeEnd(after i: Int) -> (high: Double, end: Int)? {
        var j = i
        while j < span.upperBound, j < i + 2, Self.isRangeDash(text.s[j]) { j += 1 }
        guard j > i, let (high, end) = text.number(at: j) else { return nil }
        return (high, end)
    }

    static func isRangeDash(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "－", "—", "–", "-", "~", "～", "至", "到", "―": return true
        default: return false
        }
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
