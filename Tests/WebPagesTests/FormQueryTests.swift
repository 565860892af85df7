import WebPages
import XCTest

final class FormQueryTests: XCTestCase {
    func testPlusIsASpaceAndPercentEscapesAreDecoded() {
        let query = FormQuery("q=%E5%86%AC%E5%A5%A5+%E7%94%9F%E6%80%81&year=2023&hl=a&hl=b&empty=")
        XCTAssertEqual(query["q"], "冬奥 生态")
        XCTAssertEqual(query["year"], "2023")
        XCTAssertEqual(query.all("hl"), ["a", "b"])
        XCTAssertNil(query["empty"])
        XCTAssertNil(query["missing"])
    }

    func testAMalformedEscapeKeepsTheValueAsTyped() {
        XCTAssertEqual(FormQuery("q=100%")["q"], "100%")
        XCTAssertEqual(FormQuery(nil).pairs.count, 0)
    }
}
