import Foundation
import ReportProtocol
import XCTest

/// Search through the real daemon, indexer and reportctl, over the five samples: what grep
/// finds, ranked by what a report is about, in either script, within filters.
final class SearchEndToEndTests: CorpusDaemonTestCase {
    /// 2–6 characters; some inside longer words (冬奥 in 冬奥会, 量发 across 高质量发展), some in one
    /// report only (金海湖, 妙峰山), some in none.
    static let terms = ["冬奥", "奥会", "量发", "世园", "长城", "门头沟", "平谷", "密云水库", "永定河", "金海湖",
                        "妙峰山", "古北水镇", "生态涵养区", "人工智能", "农业中关村", "高质量发展", "鲸鱼潜艇", "延庆"]

    func testEveryTermFindsExactlyTheReportsGrepFinds() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        for term in Self.terms {
            let found = Set(try reportctl.search([term, "--limit", "50"]).hits.map(\.reportId))
            XCTAssertEqual(found, corpus.grep(term), term)
        }
    }

    func testTheReportAboutATermComesFirst() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        let about = ["冬奥": ["000", "001"], "密云水库": ["002"], "永定河": ["003"], "金海湖": ["004"]]
        for (term, samples) in about {
            let hits = try reportctl.search([term]).hits
            XCTAssertTrue(samples.map { corpus.reportIds[$0]! }.contains(hits.first?.reportId ?? ""),
                          "\(term): \(hits.map { "\($0.region ?? "?") \($0.score)" })")
            XCTAssertEqual(hits.map(\.score), hits.map(\.score).sorted(by: >), term)
        }
    }

    func testATraditionalQueryFindsTheSimplifiedText() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        for (traditional, simplified) in [("門頭溝", "门头沟"), ("冬奧", "冬奥"), ("生態涵養區", "生态涵养区"), ("長城", "长城")] {
            let hits = try reportctl.search([traditional, "--limit", "50"]).hits
            XCTAssertEqual(Set(hits.map(\.reportId)), corpus.grep(simplified), traditional)
            XCTAssertTrue(hits.allSatisfy { $0.snippet.contains("【\(simplified)】") }, "\(hits.map(\.snippet))")
        }
    }

    func testFiltersKeepOnlyReportsAndSectionsAsked() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        let yanqing = Set(["000", "001"].map { corpus.reportIds[$0]! })

        let inYanqing = try reportctl.search(["生态", "--region", "延庆区", "--limit", "50"]).hits
        XCTAssertEqual(Set(inYanqing.map(\.reportId)), yanqing)
        XCTAssertEqual(Set(try reportctl.search(["生态", "--region", "延庆", "--year", "2023"]).hits.map(\.reportId)), yanqing)
        XCTAssertEqual(try reportctl.search(["生态", "--year", "2022"]).hits, [], "every sample is a 2023 report")

        // Expected from the stored documents: reports with 冬奥 in a section under a title holding 重点任务.
        var expected = Set<String>()
        for sample in CorpusDaemon.samples {
            let document = try corpus.document(sample)
            for top in document.sections where top.title.contains("重点任务") {
                let text = document.paragraphs[top.paragraphIndex..<min(document.paragraphs.count, top.paragraphIndex + top.paragraphCount)]
                if text.contains(where: { $0.contains("冬奥") }) { expected.insert(corpus.reportIds[sample]!) }
            }
        }
        XCTAssertFalse(expected.isEmpty)
        let inSection = try reportctl.search(["冬奥", "--section", "重点任务", "--limit", "50"]).hits
        XCTAssertEqual(Set(inSection.map(\.reportId)), expected)
        XCTAssertTrue(Set(try reportctl.search(["冬奥", "--limit", "50"]).hits.map(\.reportId)).isStrictSuperset(of: expected))

        let all = try reportctl.search(["冬奥", "--region", "延庆区", "--year", "2023", "--section", "重点任务", "--limit", "50"]).hits
        XCTAssertEqual(Set(all.map(\.reportId)), expected.intersection(yanqing))
    }

    func testALimitedSearchSaysHowManyReportsMatchInAll() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let reportctl = try corpus.reportctl(self)
        for term in ["冬奥", "长城", "高质量发展", "金海湖"] {
            let everyMatch = corpus.grep(term).count
            let response = try reportctl.search([term, "--limit", "1"])
            XCTAssertEqual(response.total, everyMatch, "\(term): the total is what grep finds, whatever the limit")
            let run = try reportctl.run(["search", term, "--limit", "1"])
            XCTAssertEqual(run.status, 0, run.errorOutput)
            let last = run.output.split(separator: "\n").last.map(String.init) ?? ""
            XCTAssertEqual(last, everyMatch > 1 ? "1 of \(everyMatch) reports for \(term), best first (--limit for more)"
                                                : "1 report for \(term)", run.output)
        }
    }

    func testTextOutputShowsRegionYearTitleSectionAndSnippet() throws {
        let corpus = try XCTUnwrap(Self.corpus)
        let run = try corpus.reportctl(self).run(["search", "永定河", "--limit", "1"])
        XCTAssertEqual(run.status, 0, run.errorOutput)
        let lines = run.output.split(separator: "\n").map(String.init)
        let document = try corpus.document("003")
        XCTAssertEqual(lines.first, "1. 门头沟区 2023 · \(document.title ?? "")", run.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("   § ") }, run.output)
        XCTAssertTrue(lines.contains { $0.contains("【永定河】") }, run.output)
    }
}
