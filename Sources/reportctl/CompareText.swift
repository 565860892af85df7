import ReportProtocol

/// The human-readable and CSV forms of a `CompareView`.
enum CompareText {
    static let header = ["region", "year", "actual", "growth", "target year", "target", "target growth", "report", "copies"]

    static func table(_ view: CompareView) -> [String] {
        guard !view.rows.isEmpty else {
            return ["No stored report states \(view.indicator)."]
        }
        var lines = ["\(view.indicator)"]
        lines += Formatting.table(header: ["地区", "年份", "实际", "增长", "目标年份", "目标", "目标增长", "报告", "副本"],
                                  rows: view.rows.map { row in
                                      // The table counts the copies; the CSV names them.
                                      (cells(row).dropLast() + [row.copies.isEmpty ? "" : "\(row.copies.count)"]).map { $0.isEmpty ? "–" : $0 }
                                  })
        if view.reportsWithout > 0 {
            lines.append("")
            lines.append("\(view.reportsWithout) other report\(view.reportsWithout == 1 ? "" : "s") state no figure for \(view.indicator)")
        }
        return lines
    }

    /// A header line and one line per row; empty cells for what a report does not state.
    static func csv(_ view: CompareView) -> [String] {
        ([header] + view.rows.map(cells)).map { $0.map(csvField).joined(separator: ",") }
    }

    private static func cells(_ row: CompareRow) -> [String] {
        [
            row.region ?? "",
            row.year.map(String.init) ?? "",
            row.actual.map(amount) ?? "",
            row.actual.flatMap(growth) ?? "",
            (row.target?.year ?? row.year.map { $0 + 1 }).map(String.init) ?? "",
            row.target.map(amount) ?? "",
            row.target.flatMap(growth) ?? "",
            "\(Formatting.shortId(row.reportId)) \(row.file)",
            row.copies.joined(separator: " "),
        ]
    }

    /// 213亿元, 5万亿元以上, 300–320亿元; with the qualifier a target carries (左右, 以上, 以内),
    /// "未设定" for a target the report says it does not set. Whether a figure is an estimate
    /// stays in the JSON (`estimated`), so the CSV's cells keep their form.
    private static func amount(_ indicator: Indicator) -> String {
        if indicator.notStated == true { return "未设定" }
        guard let value = indicator.value else { return "" }
        let bound = indicator.valueQualifier ?? (indicator.growthPct == nil ? indicator.qualifier : nil)
        let figure = indicator.valueHigh.map { Formatting.number(value) + "–" + Formatting.number($0) } ?? Formatting.number(value)
        return figure + (indicator.unit ?? "") + qualifierWord(bound)
    }

    /// +5%, +6%–6.5%, 持平, 下降 (a direction without a number).
    private static func growth(_ indicator: Indicator) -> String? {
        if indicator.qualifier == .same, indicator.growthPct == nil { return "持平" }
        guard let growth = indicator.growthPct else { return indicator.direction.map(directionWord) }
        let signed = { (g: Double) in (g > 0 ? "+" : "") + Formatting.number(g) + "%" }
        let figure = indicator.growthPctHigh.map { signed(growth) + "–" + signed($0).replacingOccurrences(of: "+", with: "") } ?? signed(growth)
        return figure + qualifierWord(indicator.qualifier)
    }

    /// 左右/以上/以内 follow the figure; a range is its own bound.
    private static func qualifierWord(_ qualifier: Indicator.Qualifier?) -> String {
        switch qualifier {
        case .about: "左右"
        case .over: "以上"
        case .under: "以内"
        case .same, .range, nil: ""
        }
    }

    private static func directionWord(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .up: "上升"
        case .down: "下降"
        case .inStep: "同步"
        }
    }

    /// A CSV field (RFC 4180), quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
