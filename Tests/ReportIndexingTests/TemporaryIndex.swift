import Foundation
import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// A directory of its own under the system temp dir, removed when the test ends.
func makeTemporaryDirectory(_ testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ReportIndexingTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// An index file in a fresh directory, holding every sample report as the parser reads it.
func makeCorpusIndex(_ testCase: XCTestCase) throws -> (index: SearchIndex, reports: [CorpusReport]) {
    let directory = try makeTemporaryDirectory(testCase)
    let index = try SearchIndex(path: directory.appendingPathComponent("index/search.sqlite").path)
    let reports = try Corpus.reports()
    for report in reports {
        _ = try index.index(reportId: report.id, file: report.file, document: report.document)
    }
    return (index, reports)
}

extension SearchIndex {
    func reportIds(_ query: String, limit: Int = 100) throws -> Set<String> {
        Set(try search(SearchRequest(query: query, limit: limit)).hits.map(\.reportId))
    }
}
