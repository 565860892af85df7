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
        if let without = view.reportsWithout, without > 0 {
            lines.append("")
            lines.append("\(without) other report\(without == 1 ? "" : "s") state no figure for \(view.indicator)")
        }
        if view.more {
            lines.append("")
            lines.append("More regions and years state \(view.indicator) than these \(view.rows.count) rows: raise --limit to see them")
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
            row.actual.flatMap(FigureText.amount) ?? "",
            row.actual.flatMap(FigureText.growth) ?? "",
            (row.target?.year ?? row.year.map { $0 + 1 }).map(String.init) ?? "",
            row.target.flatMap(FigureText.amount) ?? "",
            row.target.flatMap(FigureText.growth) ?? "",
            "\(Formatting.shortId(row.reportId)) \(row.file)",
            row.copies.joined(separator: " "),
        ]
    }

    /// A CSV field (RFC 4180), quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
