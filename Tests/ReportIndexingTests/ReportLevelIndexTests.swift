import Foundation
import XCTest
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// The report-level layout: one FTS5 row and one stored text per report, paragraphs kept apart
/// by a break token, and the paragraph-level checks (`TermPattern`) agreeing with FTS5.
final class ReportLevelIndexTests: XCTestCase {
    private static func document(_ paragraphs: [String], sections: [Section] = []) -> ParsedDocument {
        ParsedDocument(encoding: "utf-8", paragraphs: paragraphs, sections: sections, indicators: [], parserVersion: "test")
    }

    private func emptyIndex() throws -> SearchIndex {
        try SearchIndex(path: try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
    }

    func testAPhraseDoesNotSpanTwoParagraphs() throws {
        let index = try emptyIndex()
        _ = try index.index(reportId: "split", file: "s.txt", document: Self.document(["推进冬奥", "服务保障"]))
        _ = try index.index(reportId: "joined", file: "j.txt", document: Self.document(["冬奥服务保障"]))
        XCTAssertEqual(try index.reportIds("\"冬奥 服务\""), ["joined"])
        XCTAssertEqual(try index.reportIds("冬奥 服务"), ["joined", "split"], "as two terms they may be in different paragraphs")
    }

    func testTheParagraphBreakIsADocumentTokenOnly() {
        func tokens(_ text: String, _ mode: BigramScanner.Mode) -> [String] {
            var found: [String] = []
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBufferPointer { buffer in
                BigramScanner.scan(buffer, mode: mode) { token, _, _ in
                    found.append(String(decoding: token, as: UTF8.self))
                    return 0
                }
            }
            return found
        }
        XCTAssertEqual(tokens("甲乙\u{2029}丙", .document), ["甲乙", "乙", "\u{2029}", "丙"])
        XCTAssertEqual(tokens("甲乙\u{2029}丙", .query), ["甲乙", "乙", "丙"])
    }

    func testStoredParagraphsKeepTheirTextAndSections() {
        let document = Self.document(["前言", "一、回顾", "正文\u{2029}续", "（一）经济", "数字"], sections: [
            Section(number: "一、", title: "回顾", level: 1, paragraphIndex: 1, paragraphCount: 4, children: [
                Section(number: "（一）", title: "经济", level: 2, paragraphIndex: 3, paragraphCount: 2),
            ]),
        ])
        let stored = StoredParagraphs(StoredReport(rows: ParagraphRow.rows(of: document)))
        XCTAssertEqual((0..<stored.count).map(stored.text), ["前言", "一、回顾", "正文\n续", "（一）经济", "数字"])
        XCTAssertEqual((0..<stored.count).map(stored.section), [nil, "回顾", "回顾", "经济", "经济"])
        XCTAssertEqual((0..<stored.count).map(stored.topSection), [nil, "回顾", "回顾", "回顾", "回顾"])
    }

    /// The section filter and the shown paragraph rely on `TermPattern` finding a term in a
    /// paragraph exactly where FTS5 matches it, for one-run terms and mixed ones alike.
    func testTermPatternsFindWhatTheIndexFinds() throws {
        let index = try emptyIndex()
        let paragraphs = ["2022年度目标", "2022 年完成", "PM2.5浓度下降", "冬奥，服务", "冬奥服务", "冬 奥服务", "5G基站", "全年"]
        for (number, paragraph) in paragraphs.enumerated() {
            _ = try index.index(reportId: "p\(number)", file: "p.txt", document: Self.document([paragraph]))
        }
        for term in ["2022年", "2022", "年", "pm2.5", "ＰＭ２．５浓度", "冬奥 服务", "冬奥服务", "冬奥", "5g", "5", "g基站", "度下"] {
            let pattern = TermPattern(.init(text: term))
            let expected = Set(paragraphs.enumerated().filter { _, paragraph in
                Array(paragraph.utf8).withUnsafeBufferPointer { pattern.occurrences(in: $0) > 0 }
            }.map { "p\($0.offset)" })
            XCTAssertEqual(try index.reportIds("\"\(term)\""), expected, term)
        }
    }

    func testTheSectionFilterChecksMixedTermsAndExclusionsInItsParagraphs() throws {
        let index = try emptyIndex()
        let sections = [
            Section(number: "一、", title: "回顾", level: 1, paragraphIndex: 0, paragraphCount: 1),
            Section(number: "二、", title: "任务", level: 1, paragraphIndex: 1, paragraphCount: 1),
        ]
        _ = try index.index(reportId: "r", file: "r.txt", document: Self.document(["PM2.5下降，2022 年完成", "PM2.5继续下降"], sections: sections))
        XCTAssertEqual(try index.reportIds("\"PM2.5\"", section: "任务"), ["r"])
        XCTAssertEqual(try index.reportIds("PM2.5 2022年", section: "任务"), [])
        XCTAssertEqual(try index.reportIds("PM2.5 -2022年", section: "任务"), ["r"])
        XCTAssertEqual(try index.reportIds("PM2.5 -2022年"), [])
        XCTAssertEqual(try index.search(SearchRequest(query: "2022年", section: "回顾")).hits.first?.snippet, "PM2.5下降，【2022 年】完成")
    }
}

private extension SearchIndex {
    func reportIds(_ query: String, section: String) throws -> Set<String> {
        Set(try search(SearchRequest(query: query, section: section)).hits.map(\.reportId))
    }
}

final class OptimizeTests: XCTestCase {
    /// Merging the FTS5 segments changes how postings are stored, never what a query finds.
    func testOptimizingKeepsEveryResult() throws {
        let (index, _) = try makeCorpusIndex(self)
        let queries = ["冬奥", "门头沟 OR 平谷", "冬奥 -延庆", "\"冬奥 服务\"", "奥", "PM2.5"]
        let before = try queries.map { try index.search(SearchRequest(query: $0)) }
        try index.optimize()
        XCTAssertEqual(try queries.map { try index.search(SearchRequest(query: $0)) }, before)
    }
}
