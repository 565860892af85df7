import ChineseText
import XCTest

final class ScriptConverterTests: XCTestCase {
    func testTraditionalScriptBecomesSimplified() throws {
        let converter = try ScriptConverter.traditionalToSimplified()
        XCTAssertEqual(converter.convert("延慶區政府工作報告：地區生產總值增長4%。"), "延庆区政府工作报告：地区生产总值增长4%。")
        XCTAssertEqual(converter.convert("冬奧會與世園會"), "冬奥会与世园会")
    }

    func testSimplifiedTextAndOtherScriptsPassThroughUnchanged() throws {
        let converter = try ScriptConverter.traditionalToSimplified()
        let text = "实现地区生产总值213亿元，增长4%；PM2.5 下降。"
        XCTAssertEqual(converter.convert(text), text)
        XCTAssertEqual(converter.convert(""), "")
    }

    func testAMissingConfigurationIsAnErrorNamingIt() {
        XCTAssertThrowsError(try ScriptConverter(configuration: "/nonexistent/none.json")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/none.json"), "\(error)")
        }
    }
}
