import Foundation
import XCTest
import ChineseText
import TestSupport

final class HTMLDecodingTests: XCTestCase {
    private let page = """
    <!DOCTYPE html>
    <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <title>延庆区政府工作报告_网站</title><style>p { color: red; }</style></head>
    <body>
    <header><a href="/">首页</a> | <a href="/m">WAP手机版</a></header>
    <nav><ul><li>工作报告</li><li>政策文件</li></ul></nav>
    <h1>延庆区政府工作报告</h1>
    <div class="content">
    <p>今年，全区地区生产总值预计完成213亿元，按不变价
    计算增长4%&#xFF1B;固定资产投资&nbsp;100亿元。</p>
    <p>“简约、安全、精彩”&amp;节俭办赛&lt;要求&gt;<br>第二行</p>
    <script>var menu = "<p>不是正文</p>";</script>
    </div>
    <footer>版权所有：某网站 京ICP备12345号</footer>
    </body></html>
    """

    func testDeclaredGBCharsetIsHonouredAndChromeDropped() throws {
        let bytes = Array(try XCTUnwrap(page.data(using: Corpus.gb18030)))
        let decoded = try TextDecoder.decode(bytes)
        XCTAssertEqual(decoded.format, .html)
        XCTAssertEqual(decoded.encoding, "gb18030")
        let lines = decoded.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "延庆区政府工作报告")
        XCTAssertTrue(lines.contains("今年，全区地区生产总值预计完成213亿元，按不变价计算增长4%；固定资产投资 100亿元。"),
                      "a source line break between Han characters must vanish; got \(lines)")
        XCTAssertTrue(lines.contains("“简约、安全、精彩”&节俭办赛<要求>"), "\(lines)")
        XCTAssertTrue(lines.contains("第二行"))
        for chrome in ["WAP手机版", "政策文件", "不是正文", "ICP", "color", "_网站"] {
            XCTAssertFalse(decoded.text.contains(chrome), "\(chrome) should have been dropped")
        }
    }

    func testHTMLIsRecognisedByFileNameAndMetaCharset() throws {
        let fragment = "<meta charset=\"utf-8\"><p>地区生产总值增长6%左右</p><p>第二段</p>"
        let decoded = try TextDecoder.decode(Array(fragment.utf8), fileName: "report.htm")
        XCTAssertEqual(decoded.format, .html)
        XCTAssertEqual(decoded.text.split(separator: "\n").map(String.init), ["地区生产总值增长6%左右", "第二段"])
    }

    func testPageWithNoTextIsEmpty() {
        let page = "<html><head><title>x</title></head><body><script>1</script></body></html>"
        XCTAssertThrowsError(try TextDecoder.decode(Array(page.utf8))) { error in
            XCTAssertEqual(error as? TextDecodingError, .empty)
        }
    }
}
