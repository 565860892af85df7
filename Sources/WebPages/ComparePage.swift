import ReportProtocol

/// One indicator across the stored reports: a form, the chart inline, the table, and links to
/// the same as CSV and SVG.
public enum ComparePage {
    /// Indicators offered in the form; any other name the parser gives works typed in.
    public static let suggestions = ["地区生产总值", "一般公共预算收入", "居民人均可支配收入", "城镇调查失业率",
                                     "居民消费价格", "固定资产投资", "社会消费品零售总额", "规模以上工业增加值"]

    /// More lines than this make a chart no one can read, and more rows a page slow to send;
    /// the CSV and SVG downloads always hold everything.
    public static let chartLines = 80
    public static let tableRows = 500

    public static func render(indicator: String, measure: CompareSeries.Measure?, view: CompareView?, problem: String? = nil) -> String {
        var body = "<h1>\(Layout.label("对比", "Compare"))</h1>\n" + form(indicator: indicator, measure: measure)
        body += "<p class=\"muted\">目标与实际的逐年跟踪（Track）有待后续功能。 <span class=\"en\">Tracking targets against outcomes year by year awaits a later issue.</span></p>"
        if let problem {
            body += "<p class=\"notice\">\(HTML.escape(problem))</p>"
        } else if let view {
            let series = CompareSeries(view, measure: measure)
            var shown = series
            shown.lines = Array(series.lines.prefix(chartLines))
            let cut = series.lines.count > chartLines
                ? "<p class=\"muted\">图中显示前 \(chartLines) 行，共 \(series.lines.count) 行；下载的 SVG 包含全部。 <span class=\"en\">The chart shows the first \(chartLines) of \(series.lines.count) lines; the SVG download has them all.</span></p>" : ""
            let query: [(String, String?)] = [("indicator", indicator), ("measure", series.measure.rawValue)]
            body += """
            <figure class="chart">\(CompareChart.svg(shown))</figure>\(cut)
            <p class="downloads"><a href="\(HTML.link("/compare.csv", query))" download>下载 CSV <span class="en">download CSV</span></a> · <a href="\(HTML.link("/compare.svg", query))" download>下载 SVG <span class="en">download SVG</span></a>\(series.omitted > 0 ? " · <span class=\"muted\">\(series.omitted) 行无此度量 rows without this measure</span>" : "")</p>
            \(table(view))
            """
        }
        return Layout.page(title: indicator.isEmpty ? "对比 Compare" : "\(HTML.escape(indicator)) · 对比", section: .compare, body: body)
    }

    static func form(indicator: String, measure: CompareSeries.Measure?) -> String {
        let options = suggestions.map { "<option value=\"\(HTML.escape($0))\"></option>" }.joined()
        let measures = [(nil as CompareSeries.Measure?, "自动", "auto"), (.growth, "增长", "growth %"), (.value, "数值", "value")].map { value, chinese, english in
            "<option value=\"\(value?.rawValue ?? "")\"\(value == measure ? " selected" : "")>\(chinese) \(english)</option>"
        }.joined()
        return """
        <form class="search" method="get" action="/compare">
        <label class="query">\(Layout.label("指标", "Indicator")) <input type="text" name="indicator" list="indicators" value="\(HTML.escape(indicator))"></label><datalist id="indicators">\(options)</datalist>
        <div class="filters"><label>\(Layout.label("度量", "Measure")) <select name="measure">\(measures)</select></label></div>
        <button type="submit">对比 <span class="en">Compare</span></button>
        </form>
        """
    }

    static func table(_ view: CompareView) -> String {
        guard !view.rows.isEmpty else {
            return "<p class=\"empty\">没有报告给出 \(HTML.escape(view.indicator))。 <span class=\"en\">No stored report states it.</span></p>"
        }
        let rows = view.rows.prefix(tableRows).map { row in
            let cells = [
                HTML.escape(row.region ?? "–"), row.year.map(String.init) ?? "–",
                HTML.escape(row.actual.flatMap(Figures.amount) ?? "–"), HTML.escape(row.actual.flatMap(Figures.growth) ?? "–"),
                (row.target?.year ?? row.year.map { $0 + 1 }).map(String.init) ?? "–",
                HTML.escape(row.target.flatMap(Figures.amount) ?? "–"), HTML.escape(row.target.flatMap(Figures.growth) ?? "–"),
                "<a href=\"\(HTML.reportLink(row.reportId))\">\(HTML.escape(row.file))</a>",
            ]
            return "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let cut = view.rows.count > tableRows
            ? "<p class=\"muted\">表中显示前 \(tableRows) 行，共 \(view.rows.count) 行；CSV 包含全部。 <span class=\"en\">The first \(tableRows) of \(view.rows.count) rows; the CSV has them all.</span></p>" : ""
        let without = view.reportsWithout > 0
            ? "<p class=\"muted\">另有 \(view.reportsWithout) 份报告未给出该指标。 <span class=\"en\">\(view.reportsWithout) other reports state no figure for it.</span></p>" : ""
        return """
        <div class="table-wrap"><table class="compare"><thead><tr><th>\(Layout.label("地区", "Region"))</th><th>\(Layout.label("年份", "Year"))</th><th>\(Layout.label("实际", "Actual"))</th><th>\(Layout.label("增长", "Growth"))</th><th>\(Layout.label("目标年份", "Target year"))</th><th>\(Layout.label("目标", "Target"))</th><th>\(Layout.label("目标增长", "Target growth"))</th><th>\(Layout.label("报告", "Report"))</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table></div>\(cut)\(without)
        """
    }
}
