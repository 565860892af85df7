import ReportProtocol

/// One indicator across regions and years, from the daemon's `track`: a form, the chart inline,
/// the table of targets against outcomes with each figure linked to its paragraph, and links to
/// the same as CSV and SVG. (It replaced the compare page, which paired targets itself.)
public enum TrackPage {
    /// Indicators offered in the form; any other name works typed in (`track` knows each
    /// indicator's other names: 国内生产总值 asks for 地区生产总值).
    public static let suggestions = ["地区生产总值", "一般公共预算收入", "居民人均可支配收入", "城镇调查失业率",
                                     "居民消费价格", "固定资产投资", "社会消费品零售总额", "规模以上工业增加值"]
    /// The levels `track` narrows to, with their labels.
    static let levels = [("national", "全国", "national"), ("province", "省级", "province"), ("city", "市级", "city"),
                         ("district", "区级", "district"), ("county", "县级", "county")]

    /// More lines than this make a chart no one can read, and more rows a page slow to send;
    /// the CSV and SVG downloads always hold everything.
    public static let chartLines = 80
    public static let tableRows = 500

    /// What the page asks for, read from its query string (the form's own fields).
    public struct Form: Sendable, Equatable {
        public var indicator: String
        public var region: String?
        public var level: String?
        public var from: Int?
        public var to: Int?
        public var measure: TrackSeries.Measure?

        public init(indicator: String, region: String? = nil, level: String? = nil, from: Int? = nil, to: Int? = nil,
                    measure: TrackSeries.Measure? = nil) {
            self.indicator = indicator
            self.region = region
            self.level = level
            self.from = from
            self.to = to
            self.measure = measure
        }

        /// Blank fields are absent; an unknown level or measure is dropped rather than refused.
        public init(_ query: FormQuery) {
            self.init(indicator: query["indicator"] ?? TrackPage.suggestions[0], region: query["region"],
                      level: query["level"].flatMap { level in TrackPage.levels.contains { $0.0 == level } ? level : nil },
                      from: query["from"].flatMap { Int($0) }, to: query["to"].flatMap { Int($0) },
                      measure: query["measure"].flatMap(TrackSeries.Measure.init(rawValue:)))
        }

        /// The control request for these rows; `copyLimit` as `ControlRequest`'s (nil: name every copy).
        public func request(copyLimit: Int?) -> ControlRequest {
            ControlRequest(command: .track, region: region, indicator: indicator, level: level, fromYear: from, toYear: to,
                           copyLimit: copyLimit)
        }

        /// The query string of this form, for the download links and redirects.
        public var query: [(String, String?)] {
            [("indicator", indicator), ("region", region), ("level", level), ("from", from.map(String.init)),
             ("to", to.map(String.init)), ("measure", measure?.rawValue)]
        }
    }

    public static func render(form: Form, view: TrackView?, problem: String? = nil) -> String {
        var body = "<h1>\(Layout.label("目标与实际", "Targets against outcomes"))</h1>\n" + formHTML(form)
        if let problem {
            body += "<p class=\"notice\">\(HTML.escape(problem))</p>"
        } else if let view {
            let series = TrackSeries(view, measure: form.measure)
            var shown = series
            shown.lines = Array(series.lines.prefix(chartLines))
            let cut = series.lines.count > chartLines
                ? "<p class=\"muted\">图中显示前 \(chartLines) 行，共 \(series.lines.count) 行；下载的 SVG 包含全部。 <span class=\"en\">The chart shows the first \(chartLines) of \(series.lines.count) lines; the SVG download has them all.</span></p>" : ""
            var query = form.query
            query.removeAll { $0.0 == "measure" }
            query.append(("measure", series.measure.rawValue))
            let omitted = series.omitted > 0
                ? " · <span class=\"muted\">\(series.omitted) 行无此度量，未画 rows without this measure, not drawn</span>" : ""
            body += """
            <figure class="chart">\(TrackChart.svg(shown))</figure>\(cut)
            <p class="downloads"><a href="\(HTML.link("/track.csv", query))" download>下载 CSV <span class="en">download CSV</span></a> · <a href="\(HTML.link("/track.svg", query))" download>下载 SVG <span class="en">download SVG</span></a>\(omitted)</p>
            \(table(view))
            """
        }
        return Layout.page(title: "\(HTML.escape(form.indicator)) · 目标与实际", section: .track, body: body)
    }

    static func formHTML(_ form: Form) -> String {
        let options = suggestions.map { "<option value=\"\(HTML.escape($0))\"></option>" }.joined()
        let levelOptions = ([("", "全部", "all")] + levels).map { value, chinese, english in
            "<option value=\"\(value)\"\(value == (form.level ?? "") ? " selected" : "")>\(chinese) \(english)</option>"
        }.joined()
        let measures = [(nil as TrackSeries.Measure?, "自动", "auto"), (.growth, "增长", "growth %"), (.value, "数值", "value")].map { value, chinese, english in
            "<option value=\"\(value?.rawValue ?? "")\"\(value == form.measure ? " selected" : "")>\(chinese) \(english)</option>"
        }.joined()
        func field(_ name: String, _ chinese: String, _ english: String, _ value: String?, type: String = "text") -> String {
            "<label>\(Layout.label(chinese, english)) <input type=\"\(type)\" name=\"\(name)\" value=\"\(HTML.escape(value ?? ""))\"></label>"
        }
        return """
        <form class="search" method="get" action="/track">
        <label class="query">\(Layout.label("指标", "Indicator")) <input type="text" name="indicator" list="indicators" value="\(HTML.escape(form.indicator))"></label><datalist id="indicators">\(options)</datalist>
        <div class="filters">\(field("region", "地区", "Region", form.region))<label>\(Layout.label("级别", "Level")) <select name="level">\(levelOptions)</select></label>\(field("from", "起始年", "From", form.from.map(String.init), type: "number"))\(field("to", "截止年", "To", form.to.map(String.init), type: "number"))<label>\(Layout.label("度量", "Measure")) <select name="measure">\(measures)</select></label></div>
        <button type="submit">查看 <span class="en">Track</span></button>
        </form>
        """
    }

    static func table(_ view: TrackView) -> String {
        guard !view.rows.isEmpty else {
            return "<p class=\"empty\">没有报告为 \(HTML.escape(view.indicator)) 设定目标。 <span class=\"en\">No stored report sets a target for it.</span></p>"
        }
        let rows = view.rows.prefix(tableRows).map { row in
            let verdict = TrackSeries.Verdict(row.verdict)
            let cells = [
                "<td>\(HTML.escape(row.region))</td>", "<td class=\"num\">\(row.year)</td>",
                "<td>\(figureCell(row.target))</td>", "<td>\(figureCell(row.actual))\(revised(row.revised))</td>",
                "<td class=\"verdict \(verdict.rawValue)\">\(glyph(verdict))\(TrackChart.verdictLabel(verdict))</td>",
                "<td class=\"num\">\(gap(row))</td>",
            ]
            return "<tr>" + cells.joined() + "</tr>"
        }.joined(separator: "\n")
        let cut = view.rows.count > tableRows
            ? "<p class=\"muted\">表中显示前 \(tableRows) 行，共 \(view.rows.count) 行；CSV 包含全部。 <span class=\"en\">The first \(tableRows) of \(view.rows.count) rows; the CSV has them all.</span></p>" : ""
        let header = [("地区", "Region"), ("目标年份", "Year"), ("目标", "Target"), ("实际", "Actual"), ("结果", "Verdict"), ("差距", "Gap")]
            .map { "<th>\(Layout.label($0.0, $0.1))</th>" }.joined()
        return """
        <div class="table-wrap"><table class="track"><thead><tr>\(header)</tr></thead>
        <tbody>
        \(rows)
        </tbody></table></div>\(cut)
        """
    }

    /// The figure linked to the paragraph it was read from, its sentence as the link's title.
    static func figureCell(_ figure: FigureView?) -> String {
        guard let figure else { return "–" }
        let fragment = figure.paragraph.map { "p-\($0)" }
        let copies = figure.storedCopies == 0 ? "" : " <span class=\"muted\">+\(figure.storedCopies) 份副本 copies</span>"
        return "<a href=\"\(HTML.link(HTML.reportLink(figure.reportId), fragment: fragment))\" title=\"\(HTML.escape(figure.evidence))\">\(HTML.escape(FigureText.figure(figure)))</a>\(copies)"
    }

    /// Later restatements of the year's figure: shown, never judged on.
    static func revised(_ figures: [FigureView]) -> String {
        guard !figures.isEmpty else { return "" }
        return "<br><span class=\"muted\">修订 revised: " + figures.map(figureCell).joined(separator: ", ") + "</span>"
    }

    /// The verdict's mark as in the chart, so the table too reads without colour.
    static func glyph(_ verdict: TrackSeries.Verdict) -> String {
        switch verdict {
        case .met: "▲ "
        case .missed: "▼ "
        case .notStated, .other: "■ "
        case .pending, .noActual: "○ "
        }
    }

    static func gap(_ row: TargetRow) -> String {
        guard let gap = row.gap else { return "–" }
        let unit = row.gapUnit == "points" ? " 个百分点 points" : HTML.escape(row.gapUnit ?? "")
        return FigureText.number(gap) + unit
    }
}
