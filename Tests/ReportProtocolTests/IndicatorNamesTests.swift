import ReportProtocol
import XCTest

final class IndicatorNamesTests: XCTestCase {
    func testGDPsOtherNamesAskForTheNameTheParserStores() {
        for name in ["国内生产总值", "全市生产总值", "经济总量", "GDP", "gdp", "地区生产总值"] {
            XCTAssertEqual(IndicatorNames.canonical(name), "地区生产总值", name)
        }
        XCTAssertEqual(IndicatorNames.canonical("一般公共预算收入"), "一般公共预算收入")
    }
}
