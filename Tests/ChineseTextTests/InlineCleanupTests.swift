import XCTest
import ChineseText

final class InlineCleanupTests: XCTestCase {
    func testSpacesBetweenChineseAndNumbersGo() {
        XCTAssertEqual(InlineCleanup.clean("2022 年实现地区生产总值 367 亿元，同比增长 2% 左右"),
                       "2022年实现地区生产总值367亿元，同比增长2%左右")
        XCTAssertEqual(InlineCleanup.clean("探索 S1 北支线方案"), "探索S1北支线方案")
    }

    func testSpacesBetweenHanWordsAndInLatinStay() {
        XCTAssertEqual(InlineCleanup.clean("“美丽延庆  冰雪夏都”"), "“美丽延庆 冰雪夏都”")
        XCTAssertEqual(InlineCleanup.clean("  Beijing  Yanqing 2023 "), "Beijing Yanqing 2023")
    }

    func testHalfWidthPunctuationWidensInChineseContextOnly() {
        XCTAssertEqual(InlineCleanup.clean("现在,我代表人民政府:(一)中关村(延庆);好!"),
                       "现在，我代表人民政府：（一）中关村（延庆）；好！")
        XCTAssertEqual(InlineCleanup.clean("共1,000人,8:30开会"), "共1,000人，8:30开会")
        XCTAssertEqual(InlineCleanup.clean("PM2.5 (fine dust)"), "PM2.5 (fine dust)")
    }

    func testMarkdownBoldAndFullWidthDigits() {
        XCTAssertEqual(InlineCleanup.clean("**一是生态保护仍需加大力度**。"), "一是生态保护仍需加大力度。")
        XCTAssertEqual(InlineCleanup.clean("增长６．５％"), "增长6.5%")
    }
}
