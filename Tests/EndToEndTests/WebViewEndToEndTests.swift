import Foundation
import ReportProtocol
import TestSupport
import XCTest

/// reportd-web against a real daemon holding the five samples, looked at in headless Chromium:
/// the rendered DOM of each page, a screenshot of each (in .build/test-output/web/), and the
/// headers and downloads over plain HTTP.
final class WebViewEndToEndTests: CorpusDaemonTestCase {
    private func web() throws -> WebViewProcess {
        try WebViewProcess(daemon: XCTUnwrap(Self.corpus).daemon, test: self)
    }

    func testTheInboxListsEverySampleAsDoneWithItsTitle() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let (web, chromium) = (try web(), try HeadlessChromium())
        let dom = try chromium.dumpDOM(web.url("/"))
        XCTAssertTrue(dom.contains("收件箱与流程"), dom)
        for sample in CorpusDaemon.samples {
            let id = try XCTUnwrap(corpus.reportIds[sample])
            XCTAssertTrue(dom.contains("<tr id=\"r-\(id)\" data-stage=\"done\">"), "sample \(sample) is not done on the inbox")
            if let title = try corpus.document(sample).title {
                XCTAssertTrue(dom.contains(title), "the inbox does not show \(title)")
            }
        }
        XCTAssertTrue(dom.contains("report-parser"), "the workers panel names the parser")
        try chromium.screenshot(web.url("/"), name: "inbox", height: 1100)
        try chromium.screenshot(web.url("/"), name: "inbox-phone", width: 390, height: 1400)
    }

    func testAReportPageShowsItsMetadataContentsFiguresAndIndicatorTable() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let (web, chromium) = (try web(), try HeadlessChromium())
        let id = try XCTUnwrap(corpus.reportIds["003"])
        let document = try corpus.document("003")
        let dom = try chromium.dumpDOM(web.url("/reports/\(id)"))
        XCTAssertTrue(dom.contains("<h1>\(try XCTUnwrap(document.title))</h1>"), dom)
        XCTAssertTrue(dom.contains("门头沟区"))
        // 门头沟 reached 275亿元 in 2022: the figure is highlighted in the text and linked to its row.
        let figure = try XCTUnwrap(dom.range(of: "<a class=\"fig\" id=\"fig-"), "no highlighted figure")
        XCTAssertTrue(dom.contains("href=\"#ind-"), "figures link to the indicator table")
        XCTAssertTrue(dom[figure.lowerBound...].contains("275"), "275亿元 is not highlighted")
        XCTAssertTrue(dom.contains("<tr id=\"ind-0\""), "no indicator table")
        let firstSection = try XCTUnwrap(document.sections.first)
        XCTAssertTrue(dom.contains("href=\"#p-\(firstSection.paragraphIndex)\""), "the contents do not link to the first section")
        XCTAssertTrue(dom.contains("class=\"keyword\""), "no keywords")
        try chromium.screenshot(web.url("/reports/\(id)"), name: "report", height: 1400)
        try chromium.screenshot(web.url("/reports/\(id)"), name: "report-phone", width: 390, height: 1400)
    }

    func testASearchHighlightsTheTermAndItsHitOpensTheParagraph() throws {
        let (web, chromium) = (try web(), try HeadlessChromium())
        // One searcher process answers every search; on a loaded machine it may still be busy with
        // an earlier test's search, and the daemon then refuses after 8 s: ask again, a few times.
        var dom = ""
        for _ in 0..<4 {
            dom = try chromium.dumpDOM(web.url("/search?q=%E5%86%AC%E5%A5%A5"))
            if !dom.contains("no search worker was free") { break }
        }
        XCTAssertTrue(dom.contains("<mark class=\"term\">冬奥</mark>"), dom)
        // The first hit's link, as the browser would follow it.
        let href = try XCTUnwrap(dom.range(of: "<a class=\"hit-title\" href=\"").map { start in
            String(dom[start.upperBound...].prefix { $0 != "\"" })
        })
        XCTAssertTrue(href.hasSuffix("#hit"), href)
        let report = try chromium.dumpDOM(web.url(href.replacingOccurrences(of: "&amp;", with: "&")))
        let hit = try XCTUnwrap(report.range(of: "<div id=\"hit\" class=\"hit\">"), "the report page has no hit anchor")
        XCTAssertTrue(report[hit.lowerBound...].prefix(4000).contains("<mark class=\"term\">冬奥</mark>"), "the hit paragraph does not mark 冬奥")
        try chromium.screenshot(web.url("/search?q=%E5%86%AC%E5%A5%A5"), name: "search", height: 1100)
    }

    /// The State Council's 2014 and 2015 reports join the samples: 2014's 7.5%左右 against the 7.4%
    /// of 2015's review is `met`, as the daemon's `track` decides; the page draws and tabulates it.
    func testTrackShowsTheDaemonsVerdictsAsAChartATableAndDownloads() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let (web, chromium) = (try web(), try HeadlessChromium())
        var ids: [String] = []
        for year in [2014, 2015] {
            let name = "cn_national_\(year).gbk.txt"
            let bytes = Array(try Data(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("real/\(name)")))
            try corpus.daemon.dropByRename(bytes, as: name)
            ids.append(ContentHash.of(bytes))
        }
        _ = try corpus.daemon.awaitReports(ids)
        let query = "indicator=%E5%9B%BD%E5%86%85%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC"  // 国内生产总值, GDP's national name
        let dom = try chromium.dumpDOM(web.url("/track?\(query)"))
        XCTAssertTrue(dom.contains("<svg"), dom)
        XCTAssertTrue(dom.contains("全国 2014"), "the chart has no line for the national 2014 target")
        XCTAssertTrue(dom.contains("<path class=\"actual met\""), "the met actual is not drawn as a met mark")
        XCTAssertTrue(dom.contains("<td class=\"verdict met\">▲ 达标 met</td>"), "no met verdict cell")
        XCTAssertTrue(dom.contains("门头沟区"), "the districts' rows are missing")
        // 2014's target links to its paragraph in the 2014 report, as the report page anchors it.
        XCTAssertTrue(dom.contains("href=\"/reports/\(ids[0])#p-"), "the target does not link to its paragraph")

        let csv = try web.get("/track.csv?\(query)")
        XCTAssertEqual(csv.status, 200)
        XCTAssertEqual(csv.headers["content-type"], "text/csv; charset=utf-8")
        XCTAssertTrue(csv.body.contains("全国,2014,地区生产总值,7.5%左右,7.4%,met,"), csv.body)
        let svg = try web.get("/track.svg?\(query)")
        XCTAssertEqual(svg.status, 200)
        XCTAssertTrue(svg.body.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg.body)
        XCTAssertEqual(svg.headers["content-disposition"], "attachment; filename=\"track.svg\"")
        try chromium.screenshot(web.url("/track?\(query)"), name: "track", height: 1300)
        try chromium.screenshot(web.url("/track?\(query)"), name: "track-phone", width: 390, height: 1400)
    }

    /// The compare page became the track page: an old link (followed as a browser follows the
    /// redirect) lands on the same indicator there.
    func testOldCompareLinksRedirectToTrack() throws {
        let web = try web()
        let response = try web.get("/compare.csv?indicator=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["content-disposition"], "attachment; filename=\"track.csv\"")
        XCTAssertTrue(response.body.hasPrefix("region,year,indicator,target,actual,verdict,gap,"), response.body)
    }

    func testEveryPageCarriesAStrictContentSecurityPolicy() throws {
        let web = try web()
        for path in ["/", "/search?q=x", "/track", "/reports/00000000", "/static/live.js"] {
            let response = try web.get(path)
            let policy = try XCTUnwrap(response.headers["content-security-policy"], "\(path) has no CSP")
            XCTAssertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "\(path): \(policy)")
            XCTAssertFalse(policy.contains("unsafe-inline"), "\(path): \(policy)")
            XCTAssertEqual(response.headers["x-content-type-options"], "nosniff")
        }
        XCTAssertEqual(try web.get("/reports/00000000").status, 404)
        XCTAssertEqual(try web.get("/reports/not-an-id").status, 404)
    }

    /// A report is untrusted input: markup in its name or text must show as text and run nothing.
    /// Each script would mark the body or the title if it ran.
    func testAHostileReportRendersAsTextAndNoScriptRuns() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let (web, chromium) = (try web(), try HeadlessChromium())
        let payload = "document.title='pwned';document.body.setAttribute('data-pwned','1')"
        let markup = """
        <script>\(payload)</script>
        <img src=x onerror="\(payload)"><svg onload="\(payload)"></svg>
        <a href="javascript:\(payload)">点此查看</a> <iframe src="javascript:\(payload)"></iframe>
        """
        let longLine = String(repeating: "地区生产总值增长百分之五", count: 4000)
        let text = "某区政府工作报告\n\n" + markup + "\n\n一、2022年工作回顾\n\n全区地区生产总值完成100亿元，增长5%。\n\n" + longLine + "\n"
        let html = "<html><head><title>某区政府工作报告</title><script>\(payload)</script></head><body onload=\"\(payload)\">"
            + "<h1>某区政府工作报告</h1><p>" + markup.replacingOccurrences(of: "<", with: "&lt;") + "</p>"
            + "<p><a href=\"javascript:\(payload)\">链接</a></p><p>全区地区生产总值完成100亿元，增长5%。</p><p>\(longLine)</p></body></html>"
        let files = [("<img src=x onerror=\"\(payload)\">.txt", Array(text.utf8)), ("hostile.html", Array(html.utf8))]
        var ids: [String] = []
        for (name, bytes) in files {
            try corpus.daemon.dropByRename(bytes, as: name)
            ids.append(ContentHash.of(bytes))
        }
        try corpus.daemon.awaitHistory("the hostile reports ending") { events in
            Set(ids).isSubset(of: events.filter { $0.topic == .done || $0.topic == .failed }.map(\.reportId))
        }
        for (index, page) in (ids.map { "/reports/\($0)" } + ["/", "/search?q=%E7%82%B9%E6%AD%A4%E6%9F%A5%E7%9C%8B"]).enumerated() {
            let dom = try chromium.dumpDOM(web.url(page))
            // The payloads themselves show as text; what must be absent is their effect, or markup they
            // would be as elements (a serialised DOM writes a text "<" as &lt;).
            XCTAssertFalse(dom.contains("data-pwned=\"1\""), "a script from a report ran on \(page)")
            XCTAssertFalse(dom.contains("<title>pwned"), "a script from a report changed the title of \(page)")
            XCTAssertFalse(dom.contains("<a href=\"javascript:"), "a javascript: link got through on \(page)")
            XCTAssertFalse(dom.contains("<img src=\"x\""), "an image from a report got through on \(page)")
            XCTAssertFalse(dom.contains("<iframe"), "a frame from a report got through on \(page)")
            XCTAssertFalse(dom.contains("<svg onload"), "an element with a handler got through on \(page)")
            if index == 0 {
                XCTAssertTrue(dom.contains("&lt;script&gt;document.title="), "the script does not show as text on the report page")
            }
            try chromium.screenshot(web.url(page), name: "hostile-\(index)", height: 900)
        }
    }
}
