import XCTest
import ChineseText

final class HeadingMarkerTests: XCTestCase {
    func testNumberingStyles() {
        XCTAssertEqual(HeadingMarker.parse("第二部分  2023年重点任务"),
                       HeadingMarker(kind: .part, number: "第二部分", ordinal: 2, title: "2023年重点任务"))
        XCTAssertEqual(HeadingMarker.parse("十一、勇于自我革命"),
                       HeadingMarker(kind: .numeral, number: "十一、", ordinal: 11, title: "勇于自我革命"))
        XCTAssertEqual(HeadingMarker.parse("（十一）勇于自我革命")?.ordinal, 11)
        XCTAssertEqual(HeadingMarker.parse("(三)生态品质")?.kind, .parenthesizedNumeral)
        XCTAssertEqual(HeadingMarker.parse("二十、末项")?.ordinal, 20)
    }

    func testProseIsNoHeading() {
        for text in ["一年来，在市委的领导下", "十九大精神", "一是聚焦目标", "（GEP）核算", "2022年工作"] {
            XCTAssertNil(HeadingMarker.parse(text), text)
        }
    }
}
