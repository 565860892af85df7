import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

final class QueryLanguageTests: XCTestCase {
    func testSpaceSeparatedTermsMustAllOccurInTheReport() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let expected = CorpusReport.ids(in: reports, containing: "冬奥")
            .intersection(CorpusReport.ids(in: reports, containing: "延庆"))
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(try index.reportIds("冬奥 延庆"), expected)
        XCTAssertEqual(try index.reportIds("冬奥　延庆"), expected, "an ideographic space separates terms too")
    }

    func testOrLetsEitherTermOccur() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let expected = CorpusReport.ids(in: reports, containing: "门头沟")
            .union(CorpusReport.ids(in: reports, containing: "平谷"))
        XCTAssertEqual(expected.count, 2)
        XCTAssertEqual(try index.reportIds("门头沟 OR 平谷"), expected)
        XCTAssertEqual(try index.reportIds("门头沟 or 平谷"), [], "lower-case or is a word to find, which no report has")
    }

    func testOrBindsTighterThanAnd() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let either = CorpusReport.ids(in: reports, containing: "门头沟").union(CorpusReport.ids(in: reports, containing: "平谷"))
        let expected = either.intersection(CorpusReport.ids(in: reports, containing: "冬奥"))
        XCTAssertEqual(try index.reportIds("门头沟 OR 平谷 冬奥"), expected)
    }

    func testMinusLeavesOutReportsContainingTheTerm() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let expected = CorpusReport.ids(in: reports, containing: "冬奥")
            .subtracting(CorpusReport.ids(in: reports, containing: "延庆"))
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(try index.reportIds("冬奥 -延庆"), expected)
        XCTAssertEqual(try index.reportIds("冬奥 -\"延庆\""), expected)
    }

    func testPhraseWordsMustFollowEachOtherInOneParagraph() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let joined = CorpusReport.ids(in: reports, containing: "冬奥服务")
        XCTAssertFalse(joined.isEmpty)
        XCTAssertEqual(try index.reportIds("\"冬奥 服务\""), joined)
        XCTAssertEqual(try index.reportIds("\"服务 冬奥\""), CorpusReport.ids(in: reports, containing: "服务冬奥"))
        let latin = CorpusReport.ids(in: reports, containing: "PM2.5年均")
        XCTAssertFalse(latin.isEmpty)
        XCTAssertEqual(try index.reportIds("\"PM2.5 年均\""), latin)
        XCTAssertTrue(try index.reportIds("冬奥 服务").isStrictSuperset(of: joined), "as two terms they need not be adjacent")
    }

    func testHostileTextIsSearchedAsTextAndNeverBreaksTheQuery() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let yanqing = CorpusReport.ids(in: reports, containing: "延庆")
        let hostile = [
            "延庆\"", "\"延庆", "延庆*", "*延庆", "body:延庆", "延庆:", "NEAR(延庆", "NEAR(延庆 冬奥)",
            "(延庆", "延庆)", "延庆 AND", "延庆 NOT", "^延庆", "延庆 OR", "OR 延庆", "延庆 \"\"", "延庆 '",
            "延庆 -", "延庆 --", "{延庆}", "延庆;DROP TABLE reports;--",
        ]
        for query in hostile {
            XCTAssertNoThrow(try index.reportIds(query), query)
        }
        XCTAssertEqual(try index.reportIds("延庆*"), yanqing)
        XCTAssertEqual(try index.reportIds("body:延庆"), [], "one term: the word body, then 延庆, which no report has")
        XCTAssertEqual(try index.count(), reports.count)
    }

    func testQueryWithNothingToLookForIsAClearError() throws {
        let (index, _) = try makeCorpusIndex(self)
        for query in ["", "   ", "***", "\"\"", "-延庆", "OR", ":("] {
            XCTAssertThrowsError(try index.search(SearchRequest(query: query)), query) { error in
                XCTAssertEqual(error as? SearchIndexError, .nothingToSearch(query: query))
            }
        }
    }

    func testParsingGroupsTermsAndKeepsOperatorsOutOfTerms() {
        let query = SearchQuery(parsing: "a OR \"b c\" -d e OR -f g OR")
        XCTAssertEqual(query.required.map { $0.map(\.text) }, [["a", "b c"], ["e"], ["g"]])
        XCTAssertEqual(query.excluded.map(\.text), ["d", "f"])
        XCTAssertEqual(MatchExpression.quoted(.init(text: "x\"y")), "\"x\"\"y\"")
    }
}
