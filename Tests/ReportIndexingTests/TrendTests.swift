import XCTest
import ChineseText
import ReportProtocol
@testable import ReportIndexing
import TestSupport

/// `trend` counts every place a phrase occurs, from the index, exactly as a substring count of
/// the same paragraphs does.
final class TrendTests: XCTestCase {
    /// Words, pieces of longer words (奥会 in 冬奥会), pieces across words (量发), place names in
    /// one report only, single characters, and phrases found nowhere.
    private let phrases = ["冬奥", "奥会", "量发", "生态", "发展", "门头沟", "高质量发展", "密云水库", "金海湖",
                           "生态涵养区", "奥", "的", "鲸鱼潜艇"]

    func testEveryOccurrenceIsCountedAsASubstringCountOfTheParagraphsCountsIt() throws {
        let (index, reports) = try makeCorpusIndex(self)
        for phrase in phrases + sampledPhrases(from: reports, every: 997) {
            let response = try index.trend(TrendRequest(phrase: phrase, by: .region))
            let expected = reports.map { Self.occurrences(of: phrase, in: $0) }
            XCTAssertEqual(response.total.occurrences, expected.reduce(0, +), phrase)
            XCTAssertEqual(response.total.reportsWith, expected.filter { $0 > 0 }.count, phrase)
            XCTAssertEqual(response.total.reports, reports.count, phrase)
            for group in response.groups {
                let inGroup = reports.indices.filter { reports[$0].document.region == group.key }
                XCTAssertEqual(group.occurrences, inGroup.reduce(0) { $0 + expected[$1] }, "\(phrase) in \(group.key ?? "-")")
            }
        }
    }

    func testEachGroupHoldsItsReportsTextAndTheRateIsPerTenThousandCharacters() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let characters = reports.map(Self.characters)
        for grouping in TrendGrouping.allCases {
            let response = try index.trend(TrendRequest(phrase: "生态", by: grouping))
            XCTAssertEqual(response.by, grouping)
            XCTAssertEqual(response.total.characters, characters.reduce(0, +), "\(grouping)")
            XCTAssertEqual(response.groups.reduce(0) { $0 + $1.reports }, reports.count, "\(grouping)")
            let keys: [String?] = reports.map { report in
                switch grouping {
                case .year: SearchIndex.year(of: report.document).map(String.init)
                case .region: report.document.region
                case .level: report.document.regionLevel
                }
            }
            XCTAssertEqual(Set(response.groups.map(\.key)), Set(keys), "\(grouping)")
            for group in response.groups {
                let members = reports.indices.filter { keys[$0] == group.key }
                XCTAssertEqual(group.reports, members.count, "\(grouping) \(group.key ?? "-")")
                XCTAssertEqual(group.characters, members.reduce(0) { $0 + characters[$1] }, "\(grouping) \(group.key ?? "-")")
                XCTAssertEqual(group.perTenThousand, Double(group.occurrences) * 10_000 / Double(group.characters), accuracy: 1e-9)
            }
        }
    }

    func testAPhraseTypedInTraditionalScriptCountsTheSimplifiedText() throws {
        let (index, _) = try makeCorpusIndex(self)
        for (traditional, simplified) in [("門頭溝", "门头沟"), ("冬奧", "冬奥"), ("生態涵養區", "生态涵养区")] {
            let counted = try index.trend(TrendRequest(phrase: traditional, by: .region))
            let expected = try index.trend(TrendRequest(phrase: simplified, by: .region))
            XCTAssertGreaterThan(expected.total.occurrences, 0, simplified)
            XCTAssertEqual(counted.groups, expected.groups, traditional)
        }
    }

    func testTheFirstAndLastAppearanceAndThePeakNameTheReportsThatHoldThePhrase() throws {
        let (index, reports) = try makeCorpusIndex(self)
        let response = try index.trend(TrendRequest(phrase: "冬奥", by: .region))
        let counts = Dictionary(uniqueKeysWithValues: reports.map { ($0.id, Self.occurrences(of: "冬奥", in: $0)) })
        let first = try XCTUnwrap(response.first)
        XCTAssertEqual(first.occurrences, counts[first.reportId])
        XCTAssertEqual(first.occurrences, counts.values.max(), "every sample is of one year: the first is the one saying it most")
        let peak = try XCTUnwrap(response.peak)
        XCTAssertEqual(peak.perTenThousand, response.groups.map(\.perTenThousand).max())
        XCTAssertNil(try index.trend(TrendRequest(phrase: "鲸鱼潜艇")).peak)
        XCTAssertNil(try index.trend(TrendRequest(phrase: "鲸鱼潜艇")).first)
    }

    func testAPhraseWithNothingToCountOrTooManyPiecesIsRefusedWithTheReason() throws {
        let (index, _) = try makeCorpusIndex(self)
        XCTAssertThrowsError(try index.trend(TrendRequest(phrase: "，。 "))) { error in
            XCTAssertEqual(error as? SearchIndexError, .nothingToSearch(query: "，。 "))
        }
        let pieces = "一、二、三、四、五、六"
        XCTAssertThrowsError(try index.trend(TrendRequest(phrase: pieces))) { error in
            XCTAssertEqual(error as? SearchIndexError, .phraseTooFragmented(phrase: pieces, limit: MatchExpression.maximumJunctions))
            XCTAssertTrue("\(error)".contains(pieces))
        }
    }

    func testAnEmptyIndexCountsNothing() throws {
        let index = try SearchIndex(path: try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        let response = try index.trend(TrendRequest(phrase: "冬奥"))
        XCTAssertEqual(response.groups, [])
        XCTAssertEqual(response.total, TrendGroup(key: nil, reports: 0, reportsWith: 0, occurrences: 0, characters: 0))
        XCTAssertNil(response.peak)
    }

    /// Counted in parts of the row ids at once (as over a large index), the answer is the one
    /// counted in one part.
    func testCountingInPartsGivesTheSameAnswerAsCountingAtOnce() throws {
        // Two indexes: on one, the second ask of a phrase would come from the kept counts.
        let (whole, _) = try makeCorpusIndex(self)
        let (inParts, _) = try makeCorpusIndex(self)
        for phrase in ["冬奥", "发展", "门头沟", "鲸鱼潜艇"] {
            for by in TrendGrouping.allCases {
                XCTAssertEqual(try inParts.trend(TrendRequest(phrase: phrase, by: by), reportsPerPart: 1),
                               try whole.trend(TrendRequest(phrase: phrase, by: by), reportsPerPart: Int.max), "\(phrase) by \(by)")
            }
        }
    }

    /// A phrase asked again is counted only in the reports indexed since, and anew once a report
    /// is removed (its row id may be reused).
    func testAPhraseAskedAgainCountsTheReportsIndexedSinceAndForgetsAfterARemoval() throws {
        let (index, _) = try makeCorpusIndex(self)
        let first = try index.trend(TrendRequest(phrase: "冬奥", by: .region))
        XCTAssertEqual(try index.trend(TrendRequest(phrase: "冬奥", by: .region)), first)
        _ = try index.index(reportId: "new", file: "new.txt", document: report(year: 2030, region: "新区", body: "冬奥冬奥冬奥"))
        let added = try index.trend(TrendRequest(phrase: "冬奥", by: .year))
        XCTAssertEqual(added.total.occurrences, first.total.occurrences + 3)
        XCTAssertEqual(added.last?.reportId, "new")
        // Removing the last report and indexing another reuses its row id: counts kept for that
        // row id would be the removed report's.
        try index.remove(reportId: "new")
        _ = try index.index(reportId: "other", file: "other.txt", document: report(year: 2031, region: "新区", body: "冬奥"))
        let reused = try index.trend(TrendRequest(phrase: "冬奥", by: .year))
        XCTAssertEqual(reused.total.occurrences, first.total.occurrences + 1)
        XCTAssertEqual(reused.last?.reportId, "other")
        XCTAssertEqual(reused.last?.occurrences, 1)
    }

    /// 150 reports saying it equally often, indexed in random order: more candidates than are
    /// looked up one by one, so the report ids are walked in order.
    func testOfManyReportsSayingItEquallyOftenTheFirstIsTheLowestReportId() throws {
        let index = try SearchIndex(path: try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        let ids = (0..<150).map { String(format: "r%03d", $0) }
        for id in ids.shuffled() {
            _ = try index.index(reportId: id, file: "\(id).txt", document: report(year: 2020, region: "甲区", body: "推进冬奥场馆建设，办好冬奥。"))
        }
        let response = try index.trend(TrendRequest(phrase: "冬奥"))
        XCTAssertEqual(response.first?.reportId, "r000")
        XCTAssertEqual(response.last?.reportId, "r000")
        XCTAssertEqual(response.first?.occurrences, 2)
        XCTAssertEqual(response.total.occurrences, 300)
    }

    /// Three reports saying it equally often, indexed in random order: few enough candidates to
    /// be looked up by their ids.
    func testOfAFewReportsSayingItEquallyOftenTheFirstIsTheLowestReportId() throws {
        let index = try SearchIndex(path: try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        for id in ["c", "a", "b"] {
            _ = try index.index(reportId: id, file: "\(id).txt", document: report(year: 2020, region: "甲区", body: "冬奥"))
        }
        _ = try index.index(reportId: "0", file: "0.txt", document: report(year: 2021, region: "甲区", body: "没有"))
        let response = try index.trend(TrendRequest(phrase: "冬奥"))
        XCTAssertEqual(response.first?.reportId, "a")
        XCTAssertEqual(response.last?.reportId, "a", "the report of 2021 does not hold it")
    }

    /// The groups a connection keeps in memory follow the index: a report added after a first
    /// `trend` counts in the next, and a removed one no longer does.
    func testTheGroupsFollowReportsAddedAndRemovedBetweenTrends() throws {
        let index = try SearchIndex(path: try makeTemporaryDirectory(self).appendingPathComponent("search.sqlite").path)
        _ = try index.index(reportId: "a", file: "a.txt", document: report(year: 2020, region: "甲区", body: "冬奥"))
        XCTAssertEqual(try index.trend(TrendRequest(phrase: "冬奥", by: .region)).groups.map(\.key), ["甲区"])
        _ = try index.index(reportId: "b", file: "b.txt", document: report(year: 2021, region: "乙区", body: "冬奥冬奥"))
        var response = try index.trend(TrendRequest(phrase: "冬奥", by: .region))
        XCTAssertEqual(response.groups.map(\.key), ["乙区", "甲区"].sorted())
        XCTAssertEqual(response.total.occurrences, 3)
        XCTAssertEqual(response.last?.reportId, "b")
        try index.remove(reportId: "a")
        response = try index.trend(TrendRequest(phrase: "冬奥", by: .year))
        XCTAssertEqual(response.groups.map(\.key), ["2021"])
        XCTAssertEqual(response.total.reports, 1)
        XCTAssertEqual(response.first?.reportId, "b")
        _ = try index.index(reportId: "a", file: "a.txt", document: report(year: 2019, region: "甲区", body: "没有"))
        response = try index.trend(TrendRequest(phrase: "冬奥", by: .year))
        XCTAssertEqual(response.groups.map(\.key), ["2019", "2021"], "re-indexed under another year")
        XCTAssertEqual(response.groups.map(\.reportsWith), [0, 1])
    }

    private func report(year: Int, region: String, body: String) -> ParsedDocument {
        var document = ParsedDocument(encoding: "utf-8", paragraphs: ["\(region)政府工作报告", body], sections: [], indicators: [],
                                      parserVersion: "test")
        document.planYear = year
        document.region = region
        return document
    }

    /// Every start of `phrase` in the report's stored paragraphs: overlapping places count, as
    /// FTS5 counts phrase instances.
    static func occurrences(of phrase: String, in report: CorpusReport) -> Int {
        let needle = Array(phrase.unicodeScalars)
        return ParagraphRow.rows(of: report.document).reduce(0) { sum, row in
            let text = Array(row.body.unicodeScalars)
            guard text.count >= needle.count else { return sum }
            return sum + (0...(text.count - needle.count)).filter { Array(text[$0..<($0 + needle.count)]) == needle }.count
        }
    }

    static func characters(_ report: CorpusReport) -> Int {
        ParagraphRow.rows(of: report.document).reduce(0) { $0 + $1.body.unicodeScalars.count }
    }

    /// Runs of 2 to 5 ideographs at regular intervals through the reports, not picked to pass.
    private func sampledPhrases(from reports: [CorpusReport], every stride: Int) -> [String] {
        let scalars = Array(reports.flatMap { $0.document.paragraphs }.joined(separator: "\n").unicodeScalars)
        var phrases: [String] = []
        var position = 0
        var length = 2
        while position + length <= scalars.count {
            let slice = scalars[position..<(position + length)]
            if slice.allSatisfy({ ScalarClass.isIdeograph($0.value) }) {
                phrases.append(String(String.UnicodeScalarView(slice)))
                length = length == 5 ? 2 : length + 1
            }
            position += stride
        }
        return phrases
    }
}

/// The arithmetic of `trend` on groups and matches made up for the case.
final class TrendTallyTests: XCTestCase {
    /// Tallies `matches` as `SearchIndex.trend` does, the report ids (`ids`, by row id) choosing
    /// among the candidates for the first and last appearance.
    private func response(_ sizes: [TrendTally.GroupSize], _ matches: [TrendTally.Match], ids: [Int64: String]) -> TrendResponse {
        func appearance(earliest: Bool) -> TrendAppearance? {
            TrendTally.appearanceCandidates(matches, earliest: earliest).min { ids[$0.rowId]! < ids[$1.rowId]! }.map {
                TrendAppearance(reportId: ids[$0.rowId]!, file: "", title: nil, region: nil, year: $0.year, occurrences: $0.occurrences)
            }
        }
        return TrendTally.response(phrase: "新质生产力", by: .year, sizes: sizes, matches: matches,
                                   first: appearance(earliest: true), last: appearance(earliest: false))
    }

    func testYearsAreInOrderWithTheReportsWithoutAYearLast() {
        let sizes = [TrendTally.GroupSize(key: "2024", reports: 2, characters: 20_000),
                     TrendTally.GroupSize(key: nil, reports: 1, characters: 5_000),
                     TrendTally.GroupSize(key: "2015", reports: 1, characters: 10_000),
                     TrendTally.GroupSize(key: "2023", reports: 1, characters: 10_000)]
        let matches = [TrendTally.Match(group: 0, rowId: 2, year: 2024, occurrences: 3),
                       TrendTally.Match(group: 0, rowId: 3, year: 2024, occurrences: 1),
                       TrendTally.Match(group: 2, rowId: 1, year: 2015, occurrences: 1),
                       TrendTally.Match(group: 1, rowId: 4, year: nil, occurrences: 4)]
        let response = response(sizes, matches, ids: [1: "a", 2: "b", 3: "c", 4: "d"])
        XCTAssertEqual(response.groups.map(\.key), ["2015", "2023", "2024", nil])
        XCTAssertEqual(response.groups.map(\.occurrences), [1, 0, 4, 4])
        XCTAssertEqual(response.groups.map(\.reportsWith), [1, 0, 2, 1])
        XCTAssertEqual(response.groups.map(\.perTenThousand), [1, 0, 2, 8])
        XCTAssertEqual(response.total, TrendGroup(key: nil, reports: 5, reportsWith: 4, occurrences: 9, characters: 45_000))
        XCTAssertEqual(response.first?.reportId, "a")
        XCTAssertEqual(response.last?.reportId, "b", "of two reports of the last year, the one saying it more")
        XCTAssertNil(response.peak?.key, "the densest group is the one without a year")
        XCTAssertEqual(response.peak?.perTenThousand, 8)
    }

    func testATieForThePeakGoesToTheEarlierGroupAndATieForFirstToTheReportId() {
        let sizes = [TrendTally.GroupSize(key: "2021", reports: 3, characters: 10_000),
                     TrendTally.GroupSize(key: "2020", reports: 1, characters: 5_000)]
        let matches = [TrendTally.Match(group: 0, rowId: 1, year: 2021, occurrences: 2),
                       TrendTally.Match(group: 0, rowId: 2, year: 2021, occurrences: 0),
                       TrendTally.Match(group: 0, rowId: 4, year: 2021, occurrences: 2),
                       TrendTally.Match(group: 1, rowId: 3, year: 2020, occurrences: 2)]
        let response = response(sizes, matches, ids: [1: "y", 2: "a", 3: "x", 4: "w"])
        XCTAssertEqual(response.peak?.key, "2020")
        XCTAssertEqual(response.first?.reportId, "x")
        XCTAssertEqual(response.last?.reportId, "w", "of two saying it twice, the lower id; one counted 0 times does not hold it")
        XCTAssertEqual(response.groups.first { $0.key == "2021" }?.reportsWith, 2)
    }

    func testTheCandidatesForAnAppearanceAreTheYearsReportsHoldingItMost() {
        let matches = [TrendTally.Match(group: 0, rowId: 1, year: 2020, occurrences: 1),
                       TrendTally.Match(group: 0, rowId: 2, year: 2019, occurrences: 1),
                       TrendTally.Match(group: 0, rowId: 3, year: 2019, occurrences: 3),
                       TrendTally.Match(group: 0, rowId: 4, year: 2019, occurrences: 3),
                       TrendTally.Match(group: 0, rowId: 5, year: nil, occurrences: 9),
                       TrendTally.Match(group: 0, rowId: 6, year: 2018, occurrences: 0),
                       TrendTally.Match(group: 0, rowId: 7, year: 2020, occurrences: 1)]
        XCTAssertEqual(TrendTally.appearanceCandidates(matches, earliest: true).map(\.rowId), [3, 4])
        XCTAssertEqual(TrendTally.appearanceCandidates(matches, earliest: false).map(\.rowId), [1, 7])
        XCTAssertEqual(TrendTally.appearanceCandidates([], earliest: true), [])
    }

    func testLevelsGoFromProvinceDownAndRegionsByName() {
        let levels: [String?] = ["district", nil, "county", "province", "other", "city"]
        XCTAssertEqual(levels.sorted { TrendTally.precedes($0, $1, by: .level) }, ["province", "city", "district", "county", "other", nil])
        let regions: [String?] = ["延庆区", "北京市", "门头沟区"]
        XCTAssertEqual(regions.sorted { TrendTally.precedes($0, $1, by: .region) }, ["北京市", "延庆区", "门头沟区"].sorted())
    }

    func testAGroupWithoutTextHasARateOfNothing() {
        XCTAssertEqual(TrendGroup(key: "x", reports: 1, reportsWith: 0, occurrences: 0, characters: 0).perTenThousand, 0)
    }
}

/// The counts `trend` keeps between asks.
final class PhraseCountsTests: XCTestCase {
    private func counted(removals: Int64 = 0, upTo highest: Int, rows: Int) -> PhraseCounts.Counted {
        PhraseCounts.Counted(removals: removals, highestRowId: highest, counts: (0..<rows).map { ($0, 1) })
    }

    func testKeptCountsHoldUntilARemovalAndForNoRowIdsBeyondTheCallers() {
        let kept = PhraseCounts()
        kept.keep("a", counted(removals: 2, upTo: 10, rows: 3))
        XCTAssertEqual(kept.counted("a", removals: 2, upTo: 12)?.counts.count, 3)
        XCTAssertNil(kept.counted("a", removals: 3, upTo: 12), "a report was removed since")
        XCTAssertNil(kept.counted("a", removals: 2, upTo: 9), "counted over reports the caller does not know")
        XCTAssertNil(kept.counted("b", removals: 2, upTo: 12))
    }

    func testPastTheCapacityTheLeastRecentlyAskedPhrasesAreDropped() {
        let kept = PhraseCounts(capacity: 14)
        kept.keep("a", counted(upTo: 5, rows: 4))
        kept.keep("b", counted(upTo: 5, rows: 4))
        XCTAssertNotNil(kept.counted("a", removals: 0, upTo: 5))
        kept.keep("c", counted(upTo: 5, rows: 4))
        XCTAssertNotNil(kept.counted("a", removals: 0, upTo: 5), "asked last, kept")
        XCTAssertNil(kept.counted("b", removals: 0, upTo: 5), "the least recently asked")
        XCTAssertNotNil(kept.counted("c", removals: 0, upTo: 5))
        kept.keep("d", counted(upTo: 5, rows: 14))
        XCTAssertNil(kept.counted("d", removals: 0, upTo: 5), "more than the whole capacity is not kept")
        let found = PhraseCounts(capacity: 3)
        for phrase in ["x", "y", "z", "w"] { found.keep(phrase, counted(upTo: 5, rows: 0)) }
        XCTAssertNil(found.counted("x", removals: 0, upTo: 5), "phrases found nowhere weigh one each")
        XCTAssertNotNil(found.counted("w", removals: 0, upTo: 5))
    }

    func testCountsKeptFurtherAreNotReplacedByCountsThatStopEarlier() {
        let kept = PhraseCounts()
        kept.keep("a", counted(upTo: 9, rows: 5))
        kept.keep("a", counted(upTo: 7, rows: 3))
        XCTAssertEqual(kept.counted("a", removals: 0, upTo: 9)?.highestRowId, 9)
        kept.keep("a", counted(removals: 1, upTo: 4, rows: 2))
        XCTAssertEqual(kept.counted("a", removals: 1, upTo: 9)?.highestRowId, 4, "after a removal, the newer counts")
    }
}
