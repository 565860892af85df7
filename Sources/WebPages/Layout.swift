/// The frame every page shares: head, navigation (Chinese first, English beside it), main content.
/// Styles and the live-update script are files of this server (`/static/…`), never inline, so the
/// Content-Security-Policy can forbid every inline script and style.
public enum Layout {
    public enum Section: String, CaseIterable, Sendable {
        case inbox, search, track, report

        var path: String {
            switch self {
            case .inbox: "/"
            case .search: "/search"
            case .track: "/track"
            case .report: "/"
            }
        }

        var label: (chinese: String, english: String) {
            switch self {
            case .inbox: ("收件箱", "Inbox")
            case .search: ("搜索", "Search")
            case .track: ("目标与实际", "Track")
            case .report: ("报告", "Report")
            }
        }
    }

    /// A whole page. `title` and `body` must already be HTML (escaped by the caller);
    /// `live` adds the script that follows the feed.
    public static func page(title: String, section: Section, body: String, live: Bool = false) -> String {
        let navigation = Section.allCases.filter { $0 != .report }.map { item in
            let current = item == section ? " aria-current=\"page\"" : ""
            return "<a href=\"\(item.path)\"\(current)>\(item.label.chinese) <span class=\"en\">\(item.label.english)</span></a>"
        }.joined()
        let script = live ? "\n<script src=\"/static/live.js\" defer></script>" : ""
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · reportd</title>
        <link rel="stylesheet" href="/static/style.css">\(script)
        </head>
        <body>
        <header class="top"><a class="brand" href="/">reportd <span class="en">政府工作报告</span></a><nav>\(navigation)</nav></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A heading in Chinese with its English beside it.
    public static func label(_ chinese: String, _ english: String) -> String {
        "\(chinese) <span class=\"en\">\(english)</span>"
    }

    /// A message page: not found, the daemon does not answer, a refused request.
    public static func message(title: String, detail: String, section: Section = .inbox) -> String {
        page(title: HTML.escape(title), section: section,
             body: "<h1>\(HTML.escape(title))</h1>\n<p class=\"notice\">\(HTML.escape(detail))</p>")
    }
}
