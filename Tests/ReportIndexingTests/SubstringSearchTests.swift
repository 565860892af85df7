import XCTest
import ChineseText
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// Search must find a Chinese term in exactly the reports where grep would find it.
final class SubstringSearchTests: XCTestCase {
    /// Words, pieces of longer words (冬奥 in 冬奥会, 奥会), place names found in one report
    /// only, pieces spanning two words (量发 in 高质量发展), and terms found nowhere.
    private let chosenTerms = [
        "冬奥", "冬奥会", "奥会", "延庆", "密云", "门头沟", "平谷", "量发", "高质量发展",
        "营商环境", "乡村振兴", "京津冀", "世园", "长城", "一刻钟", "绿水青山", "疫情防控",
        "碳中和", "老旧小区", "数字经济", "新能源汽车", "火星基地", "恐龙化石", "量子计算机",
        "深海探测器", "政府工作报告",
    ]

    func testEveryChosenChineseTermIsFoundInExactlyTheReportsContainingIt() throws {
        let (index, reports) = try makeCorpusIndex(self)
        for term in chosenTerms {
            XCTAssertEqual(try index.reportIds(term), CorpusReport.ids(in: reports, containing: term), term)
        }
    }

    /// Substrings of 2 to 6 ideographs taken at regular intervals through all reports, so the
    /// terms are not ones picked to pass.
    func testSampledSubstringsAreFoundInExactlyTheReportsContainingThem() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let terms = sampledTerms(from: reports, every: 331)
        XCTAssertGreaterThan(terms.count, 100)
        for term in terms {
            let found = try index.reportIds(term)
            XCTAssertFalse(found.isEmpty, term)
            XCTAssertEqual(found, CorpusReport.ids(in: reports, containing: term), term)
        }
    }

    func testSingleCharacterIsFoundInExactlyTheReportsContainingIt() throws {
        let (index, reports) = try makeCorpusIndex(self)
        for term in ["沟", "谷", "奥", "的", "鑫"] {
            XCTAssertEqual(try index.reportIds(term), CorpusReport.ids(in: reports, containing: term), term)
        }
        XCTAssertTrue(try index.reportIds("沟").isSuperset(of: CorpusReport.ids(in: reports, containing: "门头沟")))
    }

    func testLatinWordsAndNumbersAreFoundCaseInsensitively() throws {
        let (index, reports) = try makeCorpusIndex(self)
        for term in ["PM2.5", "2022", "5G", "HICOOL", "RCEP"] {
            let expected = CorpusReport.ids(in: reports, containing: term)
            XCTAssertFalse(expected.isEmpty, term)
            XCTAssertEqual(try index.reportIds(term), expected, term)
            XCTAssertEqual(try index.reportIds(term.lowercased()), expected, term.lowercased())
        }
    }

    func testFullWidthQueryFindsHalfWidthText() throws {
        let (index, _) = try makeCorpusIndex(self)
        XCTAssertEqual(try index.reportIds("ＰＭ２.５"), try index.reportIds("PM2.5"))
        XCTAssertEqual(try index.reportIds("ｈｉｃｏｏｌ"), try index.reportIds("HICOOL"))
    }

    private func sampledTerms(from reports: [CorpusReport], every stride: Int) -> [String] {
        let scalars = Array(reports.flatMap { $0.document.paragraphs }.joined(separator: "\n").unicodeScalars)
        var terms: [String] = []
        var position = 0
        var length = 2
        while position + length <= scalars.count {
            let slice = scalars[position..<(position + length)]
            if slice.allSatisfy({ ScalarClass.isIdeograph($0.value) }) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: slice)
                terms.append(String(view))
                length = length == 6 ? 2 : length + 1
            }
            position += stride
        }
        return terms
    }
}
