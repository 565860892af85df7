import Foundation
import ReportProtocol

/// How numbers and indicators read on the pages: 213, 4.5, 213亿元, +1.5%左右.
public enum Figures {
    /// No trailing zeros; at most four decimals.
    public static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// 213亿元; with the qualifier a target carries when no growth follows.
    public static func amount(_ indicator: Indicator) -> String? {
        guard let value = indicator.value else { return nil }
        if let high = indicator.valueHigh { return number(value) + "–" + number(high) + (indicator.unit ?? "") }
        let bound = indicator.valueQualifier.map(word)
        return number(value) + (indicator.unit ?? "") + (bound ?? (indicator.growthPct == nil ? qualifier(indicator) : ""))
    }

    /// +1.5%, 4%左右, 持平.
    public static func growth(_ indicator: Indicator) -> String? {
        if indicator.qualifier == .same, indicator.growthPct == nil { return "持平" }
        guard let growth = indicator.growthPct else { return nil }
        if indicator.qualifier == .range, let high = indicator.growthPctHigh {
            return (growth > 0 ? "+" : "") + number(growth) + "%–" + number(high) + "%"
        }
        return (growth > 0 ? "+" : "") + number(growth) + "%" + qualifier(indicator)
    }

    public static func qualifier(_ indicator: Indicator) -> String { word(indicator.qualifier) }

    /// A `track` figure as `reportctl track` prints it: 5%左右, 6.5%–7%, 1000万人以上, 持平, 未设定,
    /// the actual's 3.9% or 67.7万亿元; (预计) when the report estimated it.
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
            text = direction == .up ? "增长" : direction == .down ? "下降" : "同步"
        }
        return text + (figure.estimated ? " (预计)" : "")
    }

    /// 左右, 以上, 以内; nothing for 持平 (said by `growth`) and ranges (said by their two ends).
    static func word(_ qualifier: Indicator.Qualifier?) -> String {
        switch qualifier {
        case .about: "左右"
        case .over: "以上"
        case .under: "以内"
        case .same, .range, nil: ""
        }
    }

    /// The first 8 hex digits, as reportctl shows ids.
    public static func shortId(_ reportId: String) -> String { String(reportId.prefix(8)) }
}
