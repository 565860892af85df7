import ReportProtocol

/// The report's figures, one row per extracted indicator, each linking back to where it stands.
enum IndicatorTable {
    static func render(_ indicators: [Indicator], anchors: [Int: Int]) -> String {
        guard !indicators.isEmpty else {
            return "<h2>\(Layout.label("指标", "Indicators"))</h2><p class=\"muted\">未提取到指标。 <span class=\"en\">No figures extracted.</span></p>"
        }
        let rows = indicators.enumerated().map { index, indicator in
            let kind = indicator.kind == .target ? Layout.label("目标", "target") : Layout.label("实际", "actual")
            let name = anchors[index].map { "<a href=\"#fig-\($0)\">\(HTML.escape(indicator.name))</a>" }
                ?? "\(HTML.escape(indicator.name)) <span class=\"muted\" title=\"the sentence was not found in the text\">*</span>"
            let cells = [
                name, kind, indicator.year.map(String.init) ?? "", HTML.escape(FigureText.amount(indicator) ?? ""),
                HTML.escape(FigureText.growth(indicator) ?? ""), HTML.escape(indicator.section ?? ""),
            ]
            return "<tr id=\"ind-\(index)\" class=\"\(indicator.kind.rawValue)\">" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
        <section class="indicators"><h2>\(Layout.label("指标", "Indicators"))</h2><div class="table-wrap"><table>
        <thead><tr><th>\(Layout.label("指标", "Indicator"))</th><th>\(Layout.label("类型", "Kind"))</th><th>\(Layout.label("年份", "Year"))</th><th>\(Layout.label("数值", "Value"))</th><th>\(Layout.label("增长", "Growth"))</th><th>\(Layout.label("部分", "Section"))</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table></div></section>
        """
    }
}
