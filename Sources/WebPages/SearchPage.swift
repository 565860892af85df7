import Foundation
import ReportProtocol

/// The search form and its ranked hits. Filters are those the control protocol's `search` takes.
public enum SearchPage {
    public struct Form: Sendable, Equatable {
        public var query: String
        public var region: String?
        public var year: Int?
        public var section: String?

        public init(query: String, region: String? = nil, year: Int? = nil, section: String? = nil) {
            self.query = query
            self.region = region
            self.year = year
            self.section = section
        }
    }

    /// `response` nil: the empty form; `problem`: why the search could not run.
    public static func render(form: Form, response: SearchResponse?, problem: String? = nil) -> String {
        var body = "<h1>\(Layout.label("搜索", "Search"))</h1>\n" + formHTML(form)
        if let problem {
            body += "<p class=\"notice\">\(HTML.escape(problem))</p>"
        } else if let response {
            body += hits(response, form: form)
        }
        return Layout.page(title: form.query.isEmpty ? "搜索 Search" : "\(HTML.escape(form.query)) · 搜索", section: .search, body: body)
    }

    static func formHTML(_ form: Form) -> String {
        func field(_ name: String, _ chinese: String, _ english: String, _ value: String?, type: String = "text") -> String {
            "<label>\(Layout.label(chinese, english)) <input type=\"\(type)\" name=\"\(name)\" value=\"\(HTML.escape(value ?? ""))\"></label>"
        }
        return """
        <form class="search" method="get" action="/search" role="search">
        <label class="query">\(Layout.label("关键词", "Query")) <input type="search" name="q" value="\(HTML.escape(form.query))" autofocus></label>
        <div class="filters">\(field("region", "地区", "Region", form.region))\(field("year", "年份", "Year", form.year.map(String.init), type: "number"))\(field("section", "部分", "Section", form.section))</div>
        <button type="submit">搜索 <span class="en">Search</span></button>
        </form>
        """
    }

    static func hits(_ response: SearchResponse, form: Form) -> String {
        guard !response.hits.isEmpty else {
            return "<p class=\"empty\">没有找到。 <span class=\"en\">No report matches.</span></p>"
        }
        let items = response.hits.map { hit in
            let terms = markedTerms(hit.snippet)
            let link = HTML.link(HTML.reportLink(hit.reportId), terms.map { ("hl", $0) } + [("near", hit.snippet)], fragment: "hit")
            let place = [hit.region, hit.year.map { "\($0)" }, hit.section].compactMap { $0 }.map { HTML.escape($0) }.joined(separator: " · ")
            return """
            <li class="result"><a class="hit-title" href="\(link)">\(HTML.escape(hit.title ?? hit.file))</a> <span class="muted">\(place)</span>
            <p class="snippet">\(snippet(hit.snippet))</p><span class="muted score">score \(score(hit.score))</span></li>
            """
        }.joined(separator: "\n")
        return "<p class=\"muted\">\(response.hits.count) 条结果 <span class=\"en\">hits</span></p>\n<ol class=\"hits\">\n\(items)\n</ol>"
    }

    /// Three decimals; a BM25 score of a term every report holds is tiny, and `FigureText.number`
    /// keeps three significant digits of it.
    static func score(_ value: Double) -> String {
        FigureText.number(abs(value) < 0.001 ? value : (value * 1000).rounded() / 1000)
    }

    /// The snippet escaped, its 【match】 marked: the brackets are the search service's, so they
    /// are found in the raw text and every piece between them is escaped on its own.
    public static func snippet(_ text: String) -> String {
        var html = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "【"), let close = rest[open...].firstIndex(of: "】") {
            html += HTML.escape(rest[..<open])
            html += "<mark class=\"term\">\(HTML.escape(rest[rest.index(after: open)..<close]))</mark>"
            rest = rest[rest.index(after: close)...]
        }
        return html + HTML.escape(rest)
    }

    /// The distinct texts the search service marked in a snippet.
    public static func markedTerms(_ snippet: String) -> [String] {
        var terms: [String] = []
        var rest = Substring(snippet)
        while let open = rest.firstIndex(of: "【"), let close = rest[open...].firstIndex(of: "】") {
            let term = String(rest[rest.index(after: open)..<close])
            if !term.isEmpty, !terms.contains(term) { terms.append(term) }
            rest = rest[rest.index(after: close)...]
        }
        return terms
    }
}
