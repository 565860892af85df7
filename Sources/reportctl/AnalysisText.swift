import ReportProtocol

/// The human-readable and CSV forms of `track`, `series` and `get --cite`. Paragraphs are
/// printed from 1, as a reader counts them; the JSON keeps the document's index from 0.
enum AnalysisText {
    static let targetHeader = ["region", "year", "indicator", "target", "actual", "verdict", "gap", "gap_unit",
                               "target_report", "target_paragraph", "actual_report", "actual_paragraph", "copies"]

    static func track(_ view: TrackView) -> [String] {
        guard !view.rows.isEmpty else { return ["No stored report sets a target for \(view.indicator)."] }
        return [view.indicator] + Formatting.table(
            header: ["地区", "年份", "目标", "实际", "结果", "目标出处", "实际出处"],
            rows: view.rows.map { [$0.region, String($0.year), figure($0.target), figure($0.actual), verdict($0),
                                  source($0.target), source($0.actual)] })
    }

    static func series(_ view: SeriesView) -> [String] {
        guard !view.rows.isEmpty else { return ["No headline figure of \(view.region) is stored."] }
        return [view.region + (view.indicator.map { " " + $0 } ?? "")] + Formatting.table(
            header: ["年份", "指标", "目标", "实际", "结果", "目标出处", "实际出处"],
            rows: view.rows.map { [String($0.year), $0.indicator, figure($0.target), figure($0.actual), verdict($0),
                                  source($0.target), source($0.actual)] })
    }

    static func csv(_ rows: [TargetRow]) -> [String] {
        csvLines(header: targetHeader, rows: rows.map(cells))
    }

    private static func cells(_ row: TargetRow) -> [String] {
        let copies: [String] = (row.target?.copies ?? []) + (row.actual?.copies ?? [])
        var cells: [String] = [row.region, String(row.year), row.indicator, figure(row.target, empty: ""), figure(row.actual, empty: "")]
        cells.append(row.verdict ?? "")
        cells.append(row.gap.map(FigureText.number) ?? "")
        cells.append(row.gapUnit ?? "")
        cells.append(row.target?.reportId ?? "")
        cells.append(paragraphNumber(row.target?.paragraph))
        cells.append(row.actual?.reportId ?? "")
        cells.append(paragraphNumber(row.actual?.paragraph))
        cells.append(copies.joined(separator: " "))
        return cells
    }

    private static func paragraphNumber(_ index: Int?) -> String { index.map { String($0 + 1) } ?? "" }

    private static func csvLines(header: [String], rows: [[String]]) -> [String] {
        ([header] + rows).map { $0.map(CompareText.csvField).joined(separator: ",") }
    }

    static func cite(_ view: CiteView) -> [String] {
        var lines = ["\(view.title ?? view.file) (\(Formatting.shortId(view.reportId)))"]
        for f in view.figures {
            let year = f.year.map { " \($0)" } ?? ""
            let place = f.paragraph.map { "¶\($0 + 1)" } ?? "¶?"
            lines.append("\(place)  \(f.kind == .target ? "目标" : "实际")\(year) \(f.name): \(f.sentence)")
        }
        return lines
    }

    static func citeCSV(_ view: CiteView) -> [String] {
        csvLines(header: ["paragraph", "start", "end", "kind", "year", "name", "value", "unit", "growth_pct", "sentence"],
                 rows: view.figures.map(citeCells))
    }

    private static func citeCells(_ f: CitedFigure) -> [String] {
        var cells: [String] = [paragraphNumber(f.paragraph), f.start.map(String.init) ?? "", f.end.map(String.init) ?? ""]
        cells.append(f.kind.rawValue)
        cells.append(f.year.map(String.init) ?? "")
        cells.append(f.name)
        cells.append(f.value.map(FigureText.number) ?? "")
        cells.append(f.unit ?? "")
        cells.append(f.growthPct.map(FigureText.number) ?? "")
        cells.append(f.sentence)
        return cells
    }

    /// `FigureText.figure`, or `empty` for no figure.
    static func figure(_ f: FigureView?, empty: String = "–") -> String {
        f.map(FigureText.figure) ?? empty
    }

    private static func verdict(_ row: TargetRow) -> String {
        row.verdictText ?? "–"
    }

    /// The report and paragraph a figure came from, and how many other copies of it are stored.
    private static func source(_ f: FigureView?) -> String {
        guard let f else { return "–" }
        let copies = f.storedCopies == 0 ? "" : " +\(f.storedCopies) copies"
        return "\(Formatting.shortId(f.reportId)) ¶\(f.paragraph.map { String($0 + 1) } ?? "?")\(copies)"
    }
}
