import XCTest
import ChineseText

final class SentenceSplitterTests: XCTestCase {
    func testSplitsOnFullAndHalfWidthEnds() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "经济稳定。就业改善！还要努力吗？要；继续. Done! ok? yes;end"),
                       ["经济稳定。", "就业改善！", "还要努力吗？", "要；", "继续. Done!", "ok?", "yes;", "end"])
    }

    func testNeverOnCommasOrLineBreaks() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "地区生产总值增长4%，\n就业稳定，收入增长。"),
                       ["地区生产总值增长4%，就业稳定，收入增长。"])
    }

    func testClosingQuotesAndBracketsStayWithTheirSentence() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "他说：“延庆是属于未来的。”我们牢记嘱托。（完成了！）下一句"),
                       ["他说：“延庆是属于未来的。”", "我们牢记嘱托。", "（完成了！）", "下一句"])
    }

    func testRunsOfTerminatorsAndEllipsis() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "真的吗？！是的……好。"), ["真的吗？！", "是的……", "好。"])
    }

    func testSemicolonsCanBeKept() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "甲增长4%；乙增长5%。丙", semicolons: false), ["甲增长4%；乙增长5%。", "丙"])
    }

    func testSpansLieWhereTheSentencesAre() {
        let text = "  经济稳定。“就业改善！”还要努力吗？要；继续 "
        let spans = SentenceSplitter.spans(in: text)
        XCTAssertEqual(spans, [2..<7, 7..<14, 14..<20, 20..<22, 22..<24])
        let scalars = Array(text.unicodeScalars)
        let sliced = spans.map { String(String.UnicodeScalarView(scalars[$0])) }
        XCTAssertEqual(sliced, SentenceSplitter.sentences(in: text))
    }

    func testSpansNeverSplitAtALineBreak() {
        XCTAssertEqual(SentenceSplitter.spans(in: "地区生产总值增长4%，\n就业稳定。"), [0..<17])
    }
}
