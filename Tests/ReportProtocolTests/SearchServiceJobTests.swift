import XCTest
@testable import ReportProtocol

/// The `search` service's input: a search is the `SearchRequest` itself, as before trends, and a
/// trend is `{"trend": …}`, so neither is taken for the other.
final class SearchServiceJobTests: XCTestCase {
    func testASearchIsSentAsTheSearchRequestItselfAndReadBackAsASearch() throws {
        let request = SearchRequest(query: "冬奥", limit: 5, region: "延庆", year: 2023, section: "重点任务")
        let bytes = try WireJSON.encode(SearchServiceJob.search(request))
        XCTAssertEqual(try WireJSON.decode(SearchRequest.self, from: bytes), request, "a searcher older than trends reads it")
        XCTAssertEqual(try WireJSON.decode(SearchServiceJob.self, from: bytes), .search(request))
        XCTAssertEqual(try WireJSON.decode(SearchServiceJob.self, from: try WireJSON.encode(request)), .search(request))
    }

    func testATrendIsSentUnderItsOwnKeyAndReadBackAsATrend() throws {
        let request = TrendRequest(phrase: "新质生产力", by: .region)
        let bytes = try WireJSON.encode(SearchServiceJob.trend(request))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"{"trend":{"by":"region","phrase":"新质生产力"}}"#)
        XCTAssertEqual(try WireJSON.decode(SearchServiceJob.self, from: bytes), .trend(request))
        XCTAssertThrowsError(try WireJSON.decode(SearchRequest.self, from: bytes), "an older searcher refuses it")
    }

    func testAGroupsRateIsPerTenThousandCharactersAndSurvivesTheWire() throws {
        let group = TrendGroup(key: "2024", reports: 3, reportsWith: 2, occurrences: 6, characters: 40_000)
        XCTAssertEqual(group.perTenThousand, 1.5)
        XCTAssertEqual(try WireJSON.decode(TrendGroup.self, from: try WireJSON.encode(group)), group)
    }
}
