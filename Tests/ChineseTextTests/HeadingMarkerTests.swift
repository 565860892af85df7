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
        XCTAssertEqual(HeadingMarker.parse("1.加快发展现代产业"),
                       HeadingMarker(kind: .arabic, number: "1.", ordinal: 1, title: "加快发展现代产业"))
        XCTAssertEqual(HeadingMarker.parse("12、优化营商环境")?.ordinal, 12)
        XCTAssertEqual(HeadingMarker.parse("（3）办好民生实事")?.kind, .parenthesizedArabic)
        XCTAssertEqual(HeadingMarker.parse("(3)办好民生实事")?.number, "(3)")
    }

    func testNumbersAtTheStartOfAWrappedLineAreNoHeading() {
        for text in ["4.37万亩，超额完成", "1.3 万人次。促进", "2022年工作", "100、200和300", "11.2%，增速全市第一", "1. "] {
            XCTAssertNil(HeadingMarker.parse(text), text)
        }
    }

    func testProseIsNoHeading() {
        for text in ["一年来，在市委的领导下", "十九大精神", "一是聚焦目标", "（GEP）核算", "2022年工作"] {
            XCTAssertNil(HeadingMarker.parse(text), text)
        }
    }
}
