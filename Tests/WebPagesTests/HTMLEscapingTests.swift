import ReportProtocol
import WebPages
import XCTest

/// Report text is untrusted: whatever it holds must reach the page as text.
final class HTMLEscapingTests: XCTestCase {
    func testTheFiveCharactersThatEndTextOrAttributesAreEscaped() {
        XCTAssertEqual(HTML.escape("<script>alert('x')</script> & \"q\""),
                       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }

    func testChineseAndOrdinaryTextPassUnchanged() {
        XCTAssertEqual(HTML.escape("地区生产总值增长4.5%，达到213亿元。"), "地区生产总值增长4.5%，达到213亿元。")
    }

    func testControlCharactersBecomeTheReplacementCharacter() {
        XCTAssertEqual(HTML.escape("a\u{0}b\u{1B}c\td\n"), "a\u{FFFD}b\u{FFFD}c\td\n")
    }

    func testAnEventHandlerAttributeCannotBreakOutOfAQuotedValue() {
        let hostile = "x\" onmouseover=\"alert(1)"
        let attribute = "<input value=\"\(HTML.escape(hostile))\">"
        XCTAssertFalse(attribute.contains("\" onmouseover"), attribute)
    }

    func testURLComponentsEncodeEverythingButUnreservedASCII() {
        XCTAssertEqual(HTML.urlComponent("冬奥 a&b=c/d\"<"), "%E5%86%AC%E5%A5%A5%20a%26b%3Dc%2Fd%22%3C")
        XCTAssertEqual(HTML.link("/search", [("q", "冬奥"), ("region", nil), ("year", "")]), "/search?q=%E5%86%AC%E5%A5%A5")
    }

    func testAReportLinkKeepsOnlyHexDigitsSoItCannotChangeScheme() {
        XCTAssertEqual(HTML.reportLink("javascript:alert(1)//abc"), "/reports/aacae1abc")
        XCTAssertTrue(HTML.reportLink("\" onclick=\"x").hasPrefix("/reports/c"))
    }

    func testASnippetIsEscapedPieceByPieceAndOnlyTheServicesBracketsBecomeMarks() {
        let html = SearchPage.snippet("<img src=x onerror=alert(1)>筹办【冬奥】会<b>")
        XCTAssertEqual(html, "&lt;img src=x onerror=alert(1)&gt;筹办<mark class=\"term\">冬奥</mark>会&lt;b&gt;")
        XCTAssertEqual(SearchPage.markedTerms("【冬奥】和【冬奥】及【生态】"), ["冬奥", "生态"])
    }

    func testAHostileReportRendersAsTextOnTheReportPage() {
        let paragraphs = ["<script>document.title='pwned'</script>", "<a href=\"javascript:alert(1)\" onclick=\"x()\">点此</a>",
                          String(repeating: "长", count: 20_000)]
        let document = ParsedDocument(title: "<b onmouseover=alert(1)>标题</b>", encoding: "utf-8", paragraphs: paragraphs,
                                      sections: [], indicators: [], parserVersion: "test")
        let view = ReportView(reportId: String(repeating: "a", count: 64), file: "<x>.html", state: "done", attempts: 0,
                              receivedAt: "2026-12-06T00:00:00.000Z", document: document)
        let page = ReportPage.render(view, terms: ["<script>"], near: nil)
        XCTAssertFalse(page.contains("<script>document"), "a report's script reached the page")
        XCTAssertFalse(page.contains("<a href=\"javascript"), "a report's javascript: link reached the page")
        XCTAssertFalse(page.contains("<b onmouseover"), "a report's event handler reached the page")
        // The term is marked inside the escaped text, never unescaped by the marking.
        XCTAssertTrue(page.contains("<mark class=\"term\">&lt;script&gt;</mark>document.title=&#39;pwned&#39;&lt;/script&gt;"), page)
        XCTAssertEqual(page.components(separatedBy: "<script").count - 1, 0, "the report page loads no script at all")
    }
}
