import ReportProtocol

/// The compare table as CSV (RFC 4180), the same columns as `reportctl compare --csv`.
/// Cells are report text opened in spreadsheets: one that would start a formula (= + - @, tab,
/// carriage return) is prefixed with an apostrophe, so a hostile region name stays text.
public enum CompareCSV {
    static let header = ["region", "year", "actual", "growth", "target year", "target", "target growth", "report id", "file"]

    public static func render(_ view: CompareView) -> String {
        let lines = [header] + view.rows.map { row in
            [
                text(row.region ?? ""),
                row.year.map(String.init) ?? "",
                row.actual.flatMap(Figures.amount) ?? "",
                row.actual.flatMap(Figures.growth) ?? "",
                (row.target?.year ?? row.year.map { $0 + 1 }).map(String.init) ?? "",
                row.target.flatMap(Figures.amount) ?? "",
                row.target.flatMap(Figures.growth) ?? "",
                row.reportId.filter(\.isHexDigit),
                text(row.file),
            ]
        }
        return lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

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
