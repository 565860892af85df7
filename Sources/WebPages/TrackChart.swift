import Foundation
import ReportProtocol

/// The track chart as a standalone SVG document, drawn on the server: one line per region and
/// target year, actuals as filled marks (▲ met, ▼ missed, ■ not judged: no target stated),
/// targets as hollow circles, ranges as a bar between their ends and open-ended targets (以上,
/// 以内) as a bar running off that way; a target still waiting for its actual has no mark beside it. Shapes alone tell every kind
/// apart, so it reads in black and white; colour only repeats what the shape says.
/// Only presentation attributes, no `style`: the pages' Content-Security-Policy forbids inline styles.
public enum TrackChart {
    static let width = 760.0
    static let labelWidth = 150.0
    static let rightMargin = 24.0
    static let top = 64.0
    static let rowHeight = 28.0
    static let bottom = 40.0
    static let metColour = "#1a7f37"
    static let missedColour = "#b3261e"
    static let ink = "#222222"

    public static func svg(_ series: TrackSeries) -> String {
        let height = top + rowHeight * Double(max(series.lines.count, 1)) + bottom
        let scale = Scale(series)
        var parts: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"'Noto Sans CJK SC', 'Noto Sans SC', sans-serif\" font-size=\"13\">",
            "<title id=\"chart-title\">\(HTML.escape(title(series)))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>",
            "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"\(ink)\">\(HTML.escape(title(series)))</text>",
            legend(),
        ]
        parts.append(axis(scale, bottomY: height - bottom))
        for (index, line) in series.lines.enumerated() {
            parts.append(row(line, y: top + rowHeight * (Double(index) + 0.5), scale: scale, unit: series.unit))
        }
        if series.lines.isEmpty {
            parts.append("<text x=\"\(n(labelWidth))\" y=\"\(n(top + rowHeight / 2))\" fill=\"\(ink)\">没有可画的数据 No figures to draw</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func title(_ series: TrackSeries) -> String {
        let measure = series.measure == .growth ? "增长 growth (%)" : "数值 value (\(series.unit))"
        return "\(series.indicator) · \(measure)"
    }

    /// Maps the plotted numbers onto the drawing's width, zero included, with round ticks.
    struct Scale {
        let low: Double
        let high: Double
        let step: Double

        init(_ series: TrackSeries) {
            let values = series.lines.flatMap { [$0.actual, $0.target?.value, $0.target?.high] }.compactMap { $0 }
            var low = min(0, values.min() ?? 0)
            var high = max(values.max() ?? 1, low + 1)
            let step = Self.niceStep((high - low) / 5)
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
            if high == low { high = low + step }
            self.low = low
            self.high = high
            self.step = step
        }

        static func niceStep(_ raw: Double) -> Double {
            guard raw > 0, raw.isFinite else { return 1 }
            let magnitude = pow10(Int((log10(raw)).rounded(.down)))
            let fraction = raw / magnitude
            let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
            return nice * magnitude
        }

        static func pow10(_ exponent: Int) -> Double {
            var result = 1.0
            if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
            return result
        }

        func x(_ value: Double) -> Double {
            TrackChart.labelWidth + (value - low) / (high - low) * (TrackChart.width - TrackChart.labelWidth - TrackChart.rightMargin)
        }

        var ticks: [Double] {
            stride(from: low, through: high + step / 2, by: step).map { ($0 / step).rounded() * step }
        }
    }

    static func axis(_ scale: Scale, bottomY: Double) -> String {
        var parts: [String] = []
        for tick in scale.ticks {
            let x = scale.x(tick)
            let isZero = tick == 0
            parts.append("<line x1=\"\(n(x))\" y1=\"\(n(top - 6))\" x2=\"\(n(x))\" y2=\"\(n(bottomY))\" stroke=\"\(isZero ? ink : "#cccccc")\" stroke-width=\"1\"\(isZero ? "" : " stroke-dasharray=\"2 3\"")/>")
            parts.append("<text x=\"\(n(x))\" y=\"\(n(bottomY + 16))\" text-anchor=\"middle\" fill=\"\(ink)\">\(FigureText.number(tick))</text>")
        }
        return "<g class=\"axis\">" + parts.joined() + "</g>"
    }

    static func row(_ line: TrackSeries.Line, y: Double, scale: Scale, unit: String) -> String {
        var parts = ["<g class=\"line\">",
                     "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\" fill=\"\(ink)\">\(HTML.escape(line.label))</text>",
                     "<line x1=\"\(n(labelWidth))\" y1=\"\(n(y))\" x2=\"\(n(width - rightMargin))\" y2=\"\(n(y))\" stroke=\"#eeeeee\"/>"]
        if let target = line.target {
            let x = scale.x(target.value)
            let high = target.high == target.value ? "" : "–\(FigureText.number(target.high))"
            let description = "目标 target \(line.year) \(FigureText.number(target.value))\(high)\(unit)"
            switch target {
            case .point: break
            case .atLeast: parts.append(rangeBar(from: x, to: width - rightMargin, y: y))
            case .atMost: parts.append(rangeBar(from: x, to: scale.x(scale.low), y: y))
            case .range(_, let end): parts.append(rangeBar(from: x, to: scale.x(end), y: y))
            }
            parts.append("<circle class=\"target\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"6\" fill=\"#ffffff\" stroke=\"\(ink)\" stroke-width=\"2\"><title>\(HTML.escape(description))</title></circle>")
        }
        if let actual = line.actual {
            let description = "实际 actual \(line.year) \(FigureText.number(actual))\(unit) · \(verdictLabel(line.verdict))"
            parts.append(actualMark(x: scale.x(actual), y: y, verdict: line.verdict, description: description))
        }
        parts.append("</g>")
        return parts.joined()
    }

    static func rangeBar(from start: Double, to end: Double, y: Double) -> String {
        "<line class=\"target-range\" x1=\"\(n(start))\" y1=\"\(n(y))\" x2=\"\(n(end))\" y2=\"\(n(y))\" stroke=\"#888888\" stroke-width=\"5\" stroke-linecap=\"butt\"/>"
    }

    static func actualMark(x: Double, y: Double, verdict: TrackSeries.Verdict, description: String) -> String {
        let title = "<title>\(HTML.escape(description))</title>"
        switch verdict {
        case .met:
            return "<path class=\"actual met\" d=\"M\(n(x)) \(n(y - 7)) L\(n(x + 7)) \(n(y + 6)) L\(n(x - 7)) \(n(y + 6)) Z\" fill=\"\(metColour)\" stroke=\"\(ink)\">\(title)</path>"
        case .missed:
            return "<path class=\"actual missed\" d=\"M\(n(x)) \(n(y + 7)) L\(n(x + 7)) \(n(y - 6)) L\(n(x - 7)) \(n(y - 6)) Z\" fill=\"\(missedColour)\" stroke=\"\(ink)\">\(title)</path>"
        case .notStated, .pending, .noActual, .other:
            return "<rect class=\"actual\" x=\"\(n(x - 5))\" y=\"\(n(y - 5))\" width=\"10\" height=\"10\" fill=\"\(ink)\">\(title)</rect>"
        }
    }

    /// The verdict in words, Chinese first: the chart's titles and the table's verdict cells.
    public static func verdictLabel(_ verdict: TrackSeries.Verdict) -> String {
        switch verdict {
        case .met: "达标 met"
        case .missed: "未达标 missed"
        case .notStated: "未设定目标 not stated"
        case .pending: "待定 pending"
        case .noActual: "无实际数 no actual"
        case .other: "未判定 not judged"
        }
    }

    static func legend() -> String {
        let y = 42.0
        return """
        <g class="legend" font-size="12"><path d="M14 \(n(y - 7)) L21 \(n(y + 6)) L7 \(n(y + 6)) Z" fill="\(metColour)" stroke="\(ink)"/><text x="26" y="\(n(y + 4))" fill="\(ink)">实际·达标 met</text><path d="M124 \(n(y + 7)) L131 \(n(y - 6)) L117 \(n(y - 6)) Z" fill="\(missedColour)" stroke="\(ink)"/><text x="136" y="\(n(y + 4))" fill="\(ink)">实际·未达标 missed</text><rect x="262" y="\(n(y - 5))" width="10" height="10" fill="\(ink)"/><text x="278" y="\(n(y + 4))" fill="\(ink)">实际·未判定 not judged</text><circle cx="422" cy="\(n(y))" r="6" fill="#ffffff" stroke="\(ink)" stroke-width="2"/><text x="434" y="\(n(y + 4))" fill="\(ink)">目标 target</text><line x1="516" y1="\(n(y))" x2="546" y2="\(n(y))" stroke="#888888" stroke-width="5"/><circle cx="516" cy="\(n(y))" r="6" fill="#ffffff" stroke="\(ink)" stroke-width="2"/><text x="552" y="\(n(y + 4))" fill="\(ink)">目标区间 range, 以上/以内 open-ended</text></g>
        """
    }

    /// Coordinates with one decimal: enough for a screen, and stable text for tests and diffs.
    static func n(_ value: Double) -> String {
        FigureText.number((value * 10).rounded() / 10)
    }
}
