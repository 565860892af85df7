import ChineseText
import Foundation
import XCTest
@testable import ReportSummarizing

final class SummarizerPartsTests: XCTestCase {
    func testSentencesEndAtTerminatorsAndDropTrailingFragments() {
        XCTAssertEqual(SentenceSplitter.wholeSentences(of: "经济保持增长。社会和谐稳定！收入增加？下一步"),
                       ["经济保持增长。", "社会和谐稳定！", "收入增加？"])
        XCTAssertEqual(SentenceSplitter.wholeSentences(of: "实现市政府调控目标;同比增长1.5%;"),
                       ["实现市政府调控目标;", "同比增长1.5%;"])
    }

    func testAQuotedSentenceStaysInsideTheSentenceThatQuotesIt() {
        XCTAssertEqual(SentenceSplitter.wholeSentences(of: "按照“简约、安全、精彩。”的要求，完成工程。另一句。"),
                       ["按照“简约、安全、精彩。”的要求，完成工程。", "另一句。"])
        XCTAssertEqual(SentenceSplitter.wholeSentences(of: "他说：“延庆是属于未来的。”"), ["他说：“延庆是属于未来的。”"])
    }

    func testAnUnclosedQuoteDoesNotSwallowTheParagraph() {
        XCTAssertEqual(SentenceSplitter.wholeSentences(of: "牢记“嘱托。坚持发展。"), ["牢记“嘱托。", "坚持发展。"])
    }

    func testAMissingIDFTableIsAnErrorNamingThePath() {
        let missing = URL(fileURLWithPath: "/nonexistent/idf.txt")
        XCTAssertThrowsError(try IDFTable(contentsOf: missing)) { error in
            guard case .fileUnreadable(let path, _)? = error as? SummarizerError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, missing.path)
        }
    }

    func testAMalformedIDFLineIsAnErrorNamingItsNumber() throws {
        let url = try temporaryFile("延庆 10.5\n冬奥 high\n")
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try IDFTable(contentsOf: url)) { error in
            XCTAssertEqual(error as? SummarizerError, .malformedLine(path: url.path, line: 2, reason: "expected `word idf`"))
        }
    }

    func testIDFFallsBackToTheMedianForUnknownWords() throws {
        let url = try temporaryFile("甲乙 1.0\n丙丁 2.0\n戊己 9.0\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try IDFTable(contentsOf: url)
        XCTAssertEqual(table.idf("戊己"), 9.0)
        XCTAssertEqual(table.idf("未知"), 2.0)
    }

    func testTheStopListReadsSeveralWordsALineAndSkipsComments() throws {
        let url = try temporaryFile("# generic\n建设 发展\n推进\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let list = try StopWordList(contentsOf: url)
        XCTAssertEqual(list.count, 3)
        XCTAssertTrue(list.contains("发展"))
        XCTAssertFalse(list.contains("generic"))
    }

    func testAnEmptyStopListIsAnError() throws {
        let url = try temporaryFile("# nothing\n")
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try StopWordList(contentsOf: url)) { error in
            XCTAssertEqual(error as? SummarizerError, .fileEmpty(path: url.path))
        }
    }

    func testAConfigDirectoryWithoutTheDomainDictionaryIsAnError() {
        let config = URL(fileURLWithPath: "/nonexistent/config")
        XCTAssertThrowsError(try Summarizer.standard(configDirectory: config)) { error in
            XCTAssertEqual(error as? SegmenterError,
                           .dictionaryUnreadable(path: config.appendingPathComponent("dict/domain.txt").path, reason: "no such file"))
        }
    }

    func testTextRankFavoursTheHubOfAStar() {
        var graph = TextRank(nodeCount: 4)
        for leaf in 1...3 { graph.connect(0, leaf, weight: 1) }
        let scores = graph.scores()
        XCTAssertTrue(scores[1...].allSatisfy { $0 < scores[0] })
        XCTAssertEqual(scores[1], scores[3], accuracy: 1e-9)
    }

    func testAThemeHeadIsADomainWordBeginningALongerDomainWord() {
        let domain = DomainTermList(words: ["生态涵养", "生态涵养区", "冬奥", "冬奥会", "北京冬奥会", "长城文化带"])
        XCTAssertEqual(domain.themeHeads(of: "生态涵养区"), ["生态涵养"])
        XCTAssertEqual(domain.themeHeads(of: "冬奥会"), ["冬奥"])
        XCTAssertEqual(domain.themeHeads(of: "北京冬奥会"), [], "冬奥 is inside 北京冬奥会, not its head")
        XCTAssertEqual(domain.themeHeads(of: "长城文化带"), [], "长城 is no domain word here")
        XCTAssertEqual(domain.themeHeads(of: "生态涵养"), [])
        XCTAssertEqual(domain.themeHeads(of: "冬奥场馆"), [], "not a domain word itself")
    }

    func testAThemeWrittenOnlyInsideCompoundsIsAKeywordWithTheirCount() {
        let passages = [["生态涵养区", "农业"], ["生态涵养区", "旅游"], ["农业"]]
        let domain = DomainTermList(words: ["生态涵养", "生态涵养区"])
        let withHeads = KeywordRanker(idf: nil, themeHeads: domain.themeHeads(of:)).keywords(passages, count: 10)
        let withoutHeads = KeywordRanker(idf: nil).keywords(passages, count: 10)
        XCTAssertEqual(withoutHeads.map(\.term).sorted(), ["农业", "旅游", "生态涵养区"])
        XCTAssertEqual(withHeads.map(\.term).sorted(), ["农业", "旅游", "生态涵养", "生态涵养区"])
        let weight = Dictionary(uniqueKeysWithValues: withHeads.map { ($0.term, $0.weight) })
        // Two mentions through 生态涵养区, as many as 生态涵养区 and 农业 have of their own.
        XCTAssertGreaterThan(weight["生态涵养"]!, weight["旅游"]!)
        XCTAssertEqual(weight["生态涵养"]!, weight["生态涵养区"]!)
        XCTAssertEqual(weight["生态涵养"]!, weight["农业"]!)
    }

    /// A term said once or twice is no theme of the report: it keeps a third or two thirds of
    /// its weight, however rare the word.
    func testATermMentionedLessThanThreeTimesKeepsOnlyPartOfItsWeight() {
        let passages = [["飞鸿", "农业"], ["农业", "旅游"], ["农业", "旅游"], ["旅游"]]
        let weights = Dictionary(uniqueKeysWithValues: KeywordRanker(idf: nil).keywords(passages, count: 10).map { ($0.term, $0.weight) })
        XCTAssertEqual(weights["农业"]!, weights["旅游"]!)
        XCTAssertEqual(weights["飞鸿"]!, weights["农业"]! / 3 / (1 + log(3.0)), accuracy: 1e-4)
    }

    func testTheDomainDictionarysPlacesAreItsWordsTaggedNs() throws {
        let url = try temporaryFile("# places\n长城 50000 ns\n冬奥 50000 n\n延庆区 50000 ns\n\n世园\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let domain = try DomainTermList(contentsOf: url)
        XCTAssertTrue(domain.isPlace("长城"))
        XCTAssertTrue(domain.isPlace("延庆区"))
        XCTAssertFalse(domain.isPlace("冬奥"))
        XCTAssertFalse(domain.isPlace("世园"), "no tag")
        XCTAssertTrue(["长城", "冬奥", "延庆区", "世园"].allSatisfy(domain.contains))
    }

    /// A famous place is common in general text (长城's IDF is low): as a place of the domain
    /// dictionary it weighs as much as a word of median IDF, while a word only jieba calls a
    /// place (美丽) keeps its own IDF.
    func testADomainPlaceKeepsAtLeastTheMedianIDF() throws {
        let url = try temporaryFile("长城 6.0\n美丽 6.0\n农业 10.0\n旅游 10.0\n生态 10.0\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let idf = try IDFTable(contentsOf: url)
        XCTAssertEqual(idf.median, 10)
        let passages = Array(repeating: ["长城", "美丽", "农业"], count: 3)
        func weights(_ ranker: KeywordRanker) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: ranker.keywords(passages, count: 10).map { ($0.term, $0.weight) })
        }
        let plain = weights(KeywordRanker(idf: idf))
        XCTAssertEqual(plain["长城"], plain["美丽"])
        XCTAssertLessThan(plain["长城"]!, plain["农业"]!)

        let places = DomainTermList(words: [], places: ["长城"])
        let withPlaces = weights(KeywordRanker(idf: idf, isPlace: places.isPlace))
        XCTAssertEqual(withPlaces["长城"], withPlaces["农业"])
        XCTAssertEqual(withPlaces["美丽"], plain["美丽"])

        let famous = try temporaryFile("长城 12.0\n美丽 6.0\n农业 10.0\n旅游 10.0\n生态 10.0\n")
        defer { try? FileManager.default.removeItem(at: famous) }
        let higher = Dictionary(uniqueKeysWithValues: KeywordRanker(idf: try IDFTable(contentsOf: famous), isPlace: places.isPlace)
            .keywords(passages, count: 10).map { ($0.term, $0.weight) })
        XCTAssertGreaterThan(higher["长城"]!, higher["农业"]!, "a floor, not a cap: a rarer place keeps its higher IDF")
    }

    private func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("summarizer-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

final class ScalarPrefixesTests: XCTestCase {
    func testPrefixesAreCutAtScalarBoundariesShortestFirstLeavingOutTheWholeTerm() {
        XCTAssertEqual("生态涵养区".scalarPrefixes(minimumLength: 2), ["生态", "生态涵", "生态涵养"])
        XCTAssertEqual("冬奥会".scalarPrefixes(minimumLength: 2), ["冬奥"])
        XCTAssertEqual("冬奥".scalarPrefixes(minimumLength: 2), [])
        XCTAssertEqual("".scalarPrefixes(minimumLength: 2), [])
    }

    func testPrefixesOfMixedWidthTextMatchTheScalarView() {
        // One, two, three and four UTF-8 bytes a scalar.
        let term = "5G𠀀基站é"
        let scalars = Array(term.unicodeScalars)
        let expected = (1..<scalars.count).map { String(String.UnicodeScalarView(scalars[0..<$0])) }
        XCTAssertEqual(term.scalarPrefixes(minimumLength: 1), expected)
    }
}
