import ChineseText
import XCTest

/// What PDF pages and newspaper reprints put into the text that is not the report.
final class PageFurnitureTests: XCTestCase {
    func testPageMarkersGo() {
        let text = "一、2022年工作回顾\n全区经济稳中有进。\n\u{0C}第 1 页 共 30 页\n- 3 -\n— 12 —\n3/30\n第2页\n地区生产总值增长4%。"
        XCTAssertEqual(TextNormalizer.paragraphs(from: text), ["一、2022年工作回顾", "全区经济稳中有进。", "地区生产总值增长4%。"])
    }

    func testContinuationMarkersGoAndTheSentenceIsWhole() {
        XCTAssertEqual(InlineCleanup.clean("全年实现地区生产总值（下转第四版）213亿元"), "全年实现地区生产总值213亿元")
        XCTAssertEqual(InlineCleanup.clean("(上接第一版)增长4%。"), "增长4%。")
        XCTAssertEqual(InlineCleanup.clean("【下转2版】"), "")
        XCTAssertEqual(InlineCleanup.clean("（下一步工作）"), "（下一步工作）", "a bracket that names no page stays")
    }

    func testWatermarkRepeatedOnEveryPageGoes() {
        let text = """
        一、2022年工作回顾
        内部资料 注意保存
        过去一年，全区经济稳中有进，
        社会大局和谐稳定。
        内部资料 注意保存
        地区生产总值增长4%。
        内部资料 注意保存
        二、2023年重点任务
        """
        XCTAssertEqual(TextNormalizer.paragraphs(from: text),
                       ["一、2022年工作回顾", "过去一年，全区经济稳中有进，社会大局和谐稳定。", "地区生产总值增长4%。", "二、2023年重点任务"])
    }
}
