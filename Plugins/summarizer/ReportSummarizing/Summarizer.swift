import ChineseText
import Foundation
import ReportProtocol

/// Keywords and an extractive summary of one parsed report.
public struct Summarizer: Sendable {
    public let segmenter: Segmenter
    public let idf: IDFTable?
    public let stopWords: StopWordList
    /// Document frequencies in our own corpus of reports; nil ranks by jieba's IDF alone.
    public let corpus: DocumentFrequencyTable?
    /// The domain dictionary's words, whose heads count as themes (see `TermFilter.themeHeads`).
    public let domain: DomainTermList?
    /// Clamped to 10…20.
    public let keywordCount: Int
    public let summarySentenceCount: Int

    /// Without an IDF table keywords are ranked by term frequency and TextRank alone.
    public init(segmenter: Segmenter, idf: IDFTable?, stopWords: StopWordList, corpus: DocumentFrequencyTable? = nil,
                domain: DomainTermList? = nil, keywordCount: Int = 20, summarySentenceCount: Int = 5) {
        self.segmenter = segmenter
        self.idf = idf
        self.corpus = corpus
        self.domain = domain
        self.stopWords = stopWords
        self.keywordCount = min(20, max(10, keywordCount))
        self.summarySentenceCount = max(1, summarySentenceCount)
    }

    /// The standard set-up: jieba's dictionary, HMM and IDF table (see `Segmenter.standard` and
    /// `IDFTable.standard`), with `dict/domain.txt`, `dict/stopwords.txt` and `dict/report_df.txt`
    /// from `configDirectory`.
    /// `corpus: false` leaves out the document frequencies, to compute them afresh.
    public static func standard(configDirectory: URL, corpus: Bool = true) throws -> Summarizer {
        let dictionaries = configDirectory.appendingPathComponent("dict")
        let domainDictionary = dictionaries.appendingPathComponent("domain.txt")
        return Summarizer(
            segmenter: try Segmenter.standard(domainDictionary: domainDictionary),
            idf: try IDFTable.standard(),
            stopWords: try StopWordList(contentsOf: dictionaries.appendingPathComponent("stopwords.txt")),
            corpus: corpus ? try DocumentFrequencyTable(contentsOf: dictionaries.appendingPathComponent("report_df.txt")) : nil,
            domain: try DomainTermList(contentsOf: domainDictionary))
    }

    public func summarize(_ document: ParsedDocument) -> SummaryResult {
        let filter = TermFilter(segmenter: segmenter, stopWords: stopWords, domain: domain)
        let keywords = KeywordRanker(idf: idf, corpus: corpus, themeHeads: filter.themeHeads(of:)).keywords(document.paragraphs.map(filter.terms(in:)), count: keywordCount)
        let candidates = sentenceCandidates(document, filter)
        let selector = SentenceSelector()
        let scores = selector.scores(candidates)
        let chosen = selector.choose(candidates, scores: scores, count: summarySentenceCount)
        let sections = document.sections.map { section in
            let paragraphs = section.paragraphIndex..<(section.paragraphIndex + max(1, section.paragraphCount))
            return SummaryResult.SectionSummary(
                title: section.title, sentence: selector.best(in: paragraphs, candidates, scores: scores).map { candidates[$0].text })
        }
        return SummaryResult(keywords: keywords, summary: chosen.map { candidates[$0].text },
                             dictionary: segmenter.dictionaryVersion, sectionSummaries: sections,
                             indicatorDigest: IndicatorDigest.headline(of: document))
    }

    /// The keyword candidates of each document, for `DocumentFrequencyTable(documentTerms:)`.
    public func keywordCandidates(_ document: ParsedDocument) -> [String] {
        let filter = TermFilter(segmenter: segmenter, stopWords: stopWords, domain: domain)
        let terms = document.paragraphs.flatMap(filter.terms(in:))
        return terms + Set(terms).flatMap(filter.themeHeads(of:))
    }

    /// Each distinct whole sentence of the non-heading paragraphs, with its terms as ids.
    private func sentenceCandidates(_ document: ParsedDocument, _ filter: TermFilter) -> [SentenceSelector.Candidate] {
        let headings = Set(document.sections.flatMap(Summarizer.headingIndices))
        var candidates: [SentenceSelector.Candidate] = []
        var seen = Set<String>()
        var termIDs: [String: Int] = [:]
        for (index, paragraph) in document.paragraphs.enumerated() where !headings.contains(index) {
            for sentence in SentenceSplitter.wholeSentences(of: paragraph) where seen.insert(sentence).inserted {
                let ids = Set(filter.terms(in: sentence).map { term in
                    if let id = termIDs[term] { return id }
                    termIDs[term] = termIDs.count
                    return termIDs.count - 1
                })
                candidates.append(.init(text: sentence, paragraph: index, terms: ids.sorted()))
            }
        }
        return candidates
    }

    private static func headingIndices(_ section: Section) -> [Int] {
        [section.paragraphIndex] + section.children.flatMap(headingIndices)
    }
}
