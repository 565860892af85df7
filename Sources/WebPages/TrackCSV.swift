import ReportProtocol

/// The track table as CSV (RFC 4180), the same columns as `reportctl track --csv`: paragraphs
/// counted from 1 as a reader counts them. Free-text cells are report text opened in spreadsheets: one that
/// would start a formula (= + - @, tab, carriage return) is prefixed with an apostrophe, so a
/// hostile region name stays text; figures are written from numbers here (a -2% stays a number).
public enum TrackCSV {
    static let header = ["region", "year", "indicator", "target", "actual", "verdict", "gap", "gap_unit",
                         "target_report", "target_paragraph", "actual_report", "actual_paragraph", "copies"]

    public static func render(_ view: TrackView) -> String {
        let lines = [header] + view.rows.map { row in
            [
                text(row.region), String(row.year), text(row.indicator),
                row.target.map(FigureText.figure) ?? "", row.actual.map(FigureText.figure) ?? "",
                row.verdict ?? "", row.gap.map(FigureText.number) ?? "", text(row.gapUnit ?? ""),
                row.target.map { hex($0.reportId) } ?? "", paragraphNumber(row.target?.paragraph),
                row.actual.map { hex($0.reportId) } ?? "", paragraphNumber(row.actual?.paragraph),
                ((row.target?.copies ?? []) + (row.actual?.copies ?? [])).map(hex).joined(separator: " "),
            ]
        }
        return lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func paragraphNumber(_ index: Int?) -> String { index.map { String($0 + 1) } ?? "" }

    static func hex(_ reportId: String) -> String { reportId.filter(\.isHexDigit) }

    /// Neutralises a leading formula character in free text.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
