import Foundation

/// How a figure reads to people, the same in reportctl's tables and on the web pages: 213亿元,
/// +1.5%左右, 6.5%–7%, 持平, 未设定. One place, so a terminal and a browser never disagree on
/// what a report said.
public enum FigureText {
    /// No trailing zeros, at most four decimals. Values under 0.001 keep three significant
    /// digits: BM25 scores of a term every report holds are tiny (FTS5 floors its IDF at 1e-6),
    /// and four decimals would print them all as 0.
    public static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        if abs(value) < 0.001 { return String(format: "%.3g", value) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// 213亿元, 5万亿元以上, 300–320亿元: the value with its unit and bound (a target's qualifier
    /// when no growth follows it); 未设定 for a target the report says it does not set; nil
    /// without a value.
    public static func amount(_ indicator: Indicator) -> String? {
        if indicator.notStated == true { return "未设定" }
        guard let value = indicator.value else { return nil }
        let bound = indicator.valueQualifier ?? (indicator.growthPct == nil ? indicator.qualifier : nil)
        let figure = indicator.valueHigh.map { number(value) + "–" + number($0) } ?? number(value)
        return figure + (indicator.unit ?? "") + word(bound)
    }

    /// +1.5%, +6%–6.5%, 4%左右, 持平, or a direction without a number (上升, 下降, 同步); nil
    /// when the report gives neither.
    public static func growth(_ indicator: Indicator) -> String? {
        if indicator.qualifier == .same, indicator.growthPct == nil { return "持平" }
        guard let growth = indicator.growthPct else { return indicator.direction.map(word) }
        let figure = (growth > 0 ? "+" : "") + number(growth) + "%" + (indicator.growthPctHigh.map { "–" + number($0) + "%" } ?? "")
        return figure + word(indicator.qualifier)
    }

    /// A `track` figure: 5%左右, 6.5%–7%, 1000万人以上, 持平, 未设定, the actual's 3.9% or
    /// 67.7万亿元; (预计) when the report estimated it.
    public static func figure(_ figure: FigureView) -> String {
        if figure.notStated { return "未设定" }
        var text = ""
        if let growth = figure.growthPct {
            text = number(growth) + "%" + (figure.growthPctHigh.map { "–" + number($0) + "%" } ?? "") + word(figure.qualifier)
        } else if let value = figure.value {
            text = number(value) + (figure.valueHigh.map { "–" + number($0) } ?? "") + (figure.unit ?? "")
                + word(figure.valueQualifier ?? figure.qualifier)
        } else if figure.qualifier == .same {
            text = "持平"
        } else if let direction = figure.direction {
            text = word(direction)
        }
        return text + (figure.estimated ? " (预计)" : "")
    }

    /// 左右, 以上, 以内 after the figure; nothing for 持平 (said on its own) and ranges (said by
    /// their two ends).
    public static func word(_ qualifier: Indicator.Qualifier?) -> String {
        switch qualifier {
        case .about: "左右"
        case .over: "以上"
        case .under: "以内"
        case .same, .range, nil: ""
        }
    }

    /// 上升, 下降, 同步: a target or an actual stated as a direction only.
    public static func word(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .up: "上升"
        case .down: "下降"
        case .inStep: "同步"
        }
    }
}
