import XCTest
@testable import ChineseText
import TestSupport

/// Sentences from the sample reports, cut by hand.
final class SegmentationCuttingTests: XCTestCase {
    private func assertCut(_ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        let words = expected.split(separator: "/").map(String.init)
        XCTAssertEqual(segmenter.segment(words.joined()).joined(separator: "/"), expected, file: file, line: line)
    }

    func testLeadersMeetingsAndTheDistrictStayWhole() throws {
        try assertCut("我们/牢记/习近平/总书记/“/延庆/是/属于/未来/的/”/嘱托")
        try assertCut("贯彻落实/市/第十三次/党代会/和/区/第三次/党代会/决策/部署")
        try assertCut("经受/住/冬奥/举办/之年/的/政治/考验")
    }

    func testIndicatorsStayWhole() throws {
        try assertCut("全区/地区生产总值/预计/完成/213/亿元/，/按/不变价/计算/增长/4%")
        try assertCut("区级/一般公共预算收入/预计/完成/24.3/亿元")
        try assertCut("全区/居民人均可支配收入/预计/完成/41754/元")
    }

    func testGovernmentTermsStayWhole() throws {
        try assertCut("立足/生态涵养区/功能定位")
        try assertCut("持续/优化/营商环境")
        try assertCut("推动/京津冀/协同/发展")
    }

    func testNonChineseRunsAreTokensOfTheirOwn() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        let tokens = segmenter.tokens("PM2.5年均浓度下降6.5%，建成5G基站 1200 个")
        XCTAssertEqual(tokens.map(\.text), ["PM2.5", "年均浓度", "下降", "6.5%", "，", "建成", "5G", "基站", "1200", "个"])
        XCTAssertEqual(tokens.map(\.kind), [.alphanumeric, .word, .word, .number, .symbol, .word, .alphanumeric, .word, .number, .word])
    }

    func testNumbersWithSpacesAndRangesSplitCleanly() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        XCTAssertEqual(segmenter.segment("新引进人工智能企业 80-100 家"), ["新", "引进", "人工智能", "企业", "80", "-", "100", "家"])
        XCTAssertEqual(segmenter.segment("2022 年，增长 1.5%。"), ["2022", "年", "，", "增长", "1.5%", "。"])
        XCTAssertEqual(segmenter.segment("版本3.和.5"), ["版本", "3", ".", "和", ".", "5"])
    }

    func testTheHMMJoinsUnknownCharactersIntoAWord() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        let tokens = segmenter.tokens("他来到了网易杭研大厦")
        XCTAssertEqual(tokens.map(\.text), ["他", "来到", "了", "网易", "杭研", "大厦"])
        XCTAssertEqual(tokens.first { $0.text == "杭研" }?.kind, .unknownWord)
    }

    func testWithoutTheHMMUnknownCharactersStaySingle() throws {
        let segmenter = try Segmenter(dictionaries: [Segmenter.debianDictionary])
        XCTAssertEqual(segmenter.segment("他来到了网易杭研大厦"), ["他", "来到", "了", "网易", "杭", "研", "大厦"])
        XCTAssertFalse(segmenter.dictionaryVersion.contains("HMM"))
    }

    func testEmptyAndBlankTextGiveNoTokens() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        XCTAssertEqual(segmenter.segment(""), [])
        XCTAssertEqual(segmenter.segment(" \n\u{3000}\t"), [])
    }

    func testEverySampleReportIsCoveredByItsTokens() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        for sample in try Corpus.samples() {
            let text = try Corpus.text(sample.number)
            let withoutSpace = text.unicodeScalars.filter { !$0.properties.isWhitespace }
            XCTAssertEqual(segmenter.segment(text).joined(), String(String.UnicodeScalarView(withoutSpace)), sample.file)
        }
    }
}
