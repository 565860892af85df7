import XCTest
import ChineseText
import TestSupport

/// Sample 000 is the PDF extraction of the report that sample 001 carries as a web page, so
/// 001's paragraphs are the truth 000's rebuilt paragraphs are checked against.
final class ParagraphRebuildTests: XCTestCase {
    private var pdf: [String] = []
    private var web: [String] = []

    override func setUpWithError() throws {
        pdf = TextNormalizer.paragraphs(from: try Corpus.text("000"))
        web = TextNormalizer.paragraphs(from: try Corpus.text("001"))
    }

    func testWordsSplitAcrossLinesAreRejoined() {
        XCTAssertTrue(pdf.contains { $0.contains("“延庆是属于未来的”嘱托，坚持以习近平") })
        XCTAssertTrue(pdf.contains { $0.contains("增速均创近年新高") }, "a page break's blank lines must not split a word")
        XCTAssertTrue(pdf.contains { $0.contains("设立集中隔离点23个") }, "spaces around numbers must go")
    }

    func testHeadingsStandAlone() {
        for heading in ["延庆区政府工作报告", "一、2022年工作情况", "（一）冬奥服务保障圆满成功", "二、2023年重点任务",
                        "（九）强化自身建设，不断争先创优"] {
            XCTAssertTrue(pdf.contains(heading), "missing heading paragraph \(heading)")
        }
        XCTAssertEqual(pdf.filter { HeadingMarker.parse($0) != nil }.count, 18)
    }

    func testNoParagraphStartsMidSentence() {
        for (previous, paragraph) in zip(pdf, pdf.dropFirst()) where HeadingMarker.parse(paragraph) == nil {
            let previousEnded = HeadingMarker.parse(previous) != nil || previous == pdf[0]
                || "。！？：；".unicodeScalars.contains(previous.unicodeScalars.last!)
            XCTAssertTrue(previousEnded, "「\(paragraph.prefix(20))」 continues 「\(previous.suffix(20))」")
        }
    }

    func testRebuiltBodyParagraphsMatchTheWebCopy() {
        let body = pdf.filter { HeadingMarker.parse($0) == nil && $0.unicodeScalars.count > 30 }
        let matched = body.filter(Set(web).contains)
        // The two that differ start with "各位代表，" in the web copy only.
        XCTAssertGreaterThanOrEqual(matched.count, body.count - 2, "unmatched: \(body.filter { !Set(web).contains($0) }.map { $0.prefix(30) })")
        XCTAssertGreaterThan(body.count, 55)
    }

    func testWebJunkIsStripped() {
        let all = web.joined(separator: "\n")
        for junk in ["WAP手机版", "时间：2023-03-16", "作者", "阅读", "内容摘要", "ICP备", "版权所有", "主办单位"] {
            XCTAssertFalse(all.contains(junk), "\(junk) survived")
        }
        XCTAssertEqual(web.first, "北京市延庆区2023年政府工作报告")
        XCTAssertEqual(web.filter { $0.hasPrefix("现在，我代表北京市延庆区人民政府") }.count, 1, "the teaser must not repeat the opening")
        XCTAssertTrue(web.contains("北京市延庆区人民政府区长 叶大华"))
        XCTAssertTrue(web.contains("突出财源建设，增强发展动能"), "a heading without number stays its own paragraph")
    }

    func testWordProcessorLinesAndBoldLeadPhrase() throws {
        let paragraphs = TextNormalizer.paragraphs(from: try Corpus.text("003"))
        XCTAssertTrue(paragraphs.contains("（二）坚持文化兴区，永定河文旅体验产业带初步形成"))
        XCTAssertTrue(paragraphs.contains { $0.hasPrefix("文化保护传承深入开展。融入全国文化中心建设") })
        XCTAssertFalse(paragraphs.contains { $0.contains("**") })
        XCTAssertTrue(paragraphs.contains { $0.contains("建立北京首个“公益诉讼生态修复基地”") }, "a broken line must be rejoined")
        XCTAssertTrue(paragraphs.contains { $0.contains("预计实现地区生产总值275亿元，同比增长1.5%") })
    }

    func testWrappedHeadingsAndHeadingsWithBody() throws {
        let mi = TextNormalizer.paragraphs(from: try Corpus.text("002"))
        XCTAssertTrue(mi.contains("（四）围绕宜业宜居宜游目标，建设高品质城市生活空间"))
        XCTAssertTrue(mi.contains("（二）持续优化产业布局，加快推动绿色高质量发展"))
        let pinggu = TextNormalizer.paragraphs(from: try Corpus.text("004"))
        XCTAssertTrue(pinggu.contains("（二）奋力实施“三个打造”，高大尚平谷建设加速推进。"))
        XCTAssertTrue(pinggu.contains("（一）守好绿水青山，筑牢首都东部生态屏障。"))
        XCTAssertTrue(pinggu.contains("把生态保护放在首位，不断补齐生态短板，释放更多生态价值。"))
    }
}
