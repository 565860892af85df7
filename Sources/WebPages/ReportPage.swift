import ReportProtocol

/// One report: metadata, the section tree as a table of contents, the text with each extracted
/// figure linked to its row in the indicator table, keywords, summary, near-duplicate.
public enum ReportPage {
    /// `terms` are marked wherever they occur; the paragraph holding `near` (a search snippet)
    /// gets the `hit` anchor the search page links to.
    public static func render(_ report: ReportView, terms: [String] = [], near: String? = nil) -> String {
        let document = report.document
        let title = document?.title ?? report.file
        var parts = ["<h1>\(HTML.escape(title))</h1>", metadata(report)]
        if let nearDuplicate = nearDuplicate(report) { parts.append(nearDuplicate) }
        if let document {
            let locator = FigureLocator(paragraphs: document.paragraphs, indicators: document.indicators)
            parts.append("<div class=\"report-layout\">")
            parts.append(tableOfContents(document.sections))
            parts.append("<div class=\"report-main\">")
            if let summary = report.summary { parts.append(summaryBlock(summary)) }
            parts.append(IndicatorTable.render(document.indicators, anchors: locator.anchorOf))
            parts.append(text(document, locator: locator, terms: terms, hit: hitParagraph(document.paragraphs, near: near, terms: terms)))
            parts.append("</div></div>")
        } else {
            parts.append("<p class=\"notice\">尚未解析，正文稍后出现。 <span class=\"en\">Not parsed yet: the text appears once it is.</span></p>")
        }
        return Layout.page(title: HTML.escape(title), section: .report, body: parts.joined(separator: "\n"))
    }

    static func metadata(_ report: ReportView) -> String {
        let document = report.document
        let rows: [(String, String, String?)] = [
            ("地区", "Region", document.flatMap { $0.regionFull ?? $0.region }),
            ("级别", "Level", document?.regionLevel),
            ("回顾年份", "Review year", document?.reviewYear.map(String.init)),
            ("计划年份", "Plan year", document?.planYear.map(String.init)),
            ("报告人", "Speaker", document.flatMap { doc in doc.speaker.map { [doc.speakerOffice, $0].compactMap { $0 }.joined(separator: " ") } }),
            ("会议", "Session", document?.session),
            ("会议日期", "Meeting date", document?.meetingDate),
            ("状态", "State", report.state + (report.error.map { ": " + $0 } ?? "")),
            ("文件", "File", report.file),
            ("格式", "Format", document.map { [$0.sourceFormat, $0.encoding, $0.script].compactMap { $0 }.joined(separator: " · ") }),
            ("文档类型", "Document type", document?.documentType.map { ($0.isReport ? "政府工作报告" : "非报告 not a report") + " (\($0.reason))" }),
            ("接收时间", "Received", report.receivedAt),
            ("报告编号", "Report id", report.reportId),
        ]
        let cells = rows.compactMap { chinese, english, value in
            value.map { "<tr><th>\(Layout.label(chinese, english))</th><td>\(HTML.escape($0))</td></tr>" }
        }.joined()
        return "<div class=\"table-wrap\"><table class=\"meta\"><tbody>\(cells)</tbody></table></div>"
    }

    static func nearDuplicate(_ report: ReportView) -> String? {
        guard let done = report.events.last(where: { $0.topic == .done }),
              let near = done.data["near_duplicate_of"], let id = near["report_id"]?.stringValue else { return nil }
        let file = near["file"]?.stringValue ?? id
        let similarity = near["similarity"]?.doubleValue.map { " (\(FigureText.number(($0 * 1000).rounded() / 10))%)" } ?? ""
        return """
        <p class="notice">\(Layout.label("近似重复", "Near-duplicate of")): <a href="\(HTML.reportLink(id))">\(HTML.escape(file))</a>\(similarity)</p>
        """
    }

    static func tableOfContents(_ sections: [Section]) -> String {
        func list(_ sections: [Section]) -> String {
            guard !sections.isEmpty else { return "" }
            return "<ul>" + sections.map { section in
                let number = section.number.map { HTML.escape($0) + " " } ?? ""
                return "<li><a href=\"#p-\(section.paragraphIndex)\">\(number)\(HTML.escape(section.title))</a>\(list(section.children))</li>"
            }.joined() + "</ul>"
        }
        return "<nav class=\"toc\" aria-label=\"目录\"><h2>\(Layout.label("目录", "Contents"))</h2>\(list(sections))</nav>"
    }

    static func summaryBlock(_ summary: SummaryResult) -> String {
        let keywords = summary.keywords.map {
            "<a class=\"keyword\" href=\"\(HTML.link("/search", [("q", $0.term)]))\">\(HTML.escape($0.term))</a>"
        }.joined(separator: " ")
        let sentences = summary.summary.map { "<li>\(HTML.escape($0))</li>" }.joined()
        let sections = (summary.sectionSummaries ?? []).compactMap { section in
            section.sentence.map { "<li><b>\(HTML.escape(section.title))</b> \(HTML.escape($0))</li>" }
        }.joined()
        return """
        <section class="summary"><h2>\(Layout.label("关键词", "Keywords"))</h2><p class="keywords">\(keywords)</p>
        <h2>\(Layout.label("摘要", "Summary"))</h2><ol>\(sentences)</ol>\(sections.isEmpty ? "" : "<h3>\(Layout.label("各部分要点", "By section"))</h3><ul>\(sections)</ul>")</section>
        """
    }

    static func text(_ document: ParsedDocument, locator: FigureLocator, terms: [String], hit: Int?) -> String {
        let headings = Set(allSections(document.sections).map(\.paragraphIndex))
        let paragraphs = document.paragraphs.enumerated().map { index, paragraph in
            let body = TextMarkup.paragraph(paragraph, marks: locator.marks[index] ?? [], terms: terms)
            let kind = headings.contains(index) ? "heading" : "para"
            let element = "<p id=\"p-\(index)\" class=\"\(kind)\">\(body)</p>"
            return index == hit ? "<div id=\"hit\" class=\"hit\">\(element)</div>" : element
        }
        return "<section class=\"text\"><h2>\(Layout.label("正文", "Text"))</h2>\n\(paragraphs.joined(separator: "\n"))\n</section>"
    }

    /// The paragraph a search snippet came from: the one holding the snippet's longest unbroken
    /// piece, else the first holding a marked term.
    static func hitParagraph(_ paragraphs: [String], near: String?, terms: [String]) -> Int? {
        if let near {
            let plain = near.replacingOccurrences(of: "【", with: "").replacingOccurrences(of: "】", with: "")
            let pieces = plain.split(whereSeparator: { $0 == "…" || $0 == "\n" }).map(String.init)
            if let longest = pieces.max(by: { $0.count < $1.count }), longest.count >= 2,
               let found = paragraphs.firstIndex(where: { $0.contains(longest) }) {
                return found
            }
        }
        return terms.lazy.compactMap { term in paragraphs.firstIndex { $0.contains(term) } }.first
    }

    static func allSections(_ sections: [Section]) -> [Section] {
        sections.flatMap { [$0] + allSections($0.children) }
    }
}
