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
        let (terms, candidates, scores) = scoredSentences(document)
        let ranked = keywords(terms, candidates, scores, count: keywordCount)
        let selector = SentenceSelector()
        let chosen = selector.choose(candidates, scores: scores, count: summarySentenceCount)
        let sections = document.sections.map { section in
            let paragraphs = section.paragraphIndex..<(section.paragraphIndex + max(1, section.paragraphCount))
            return SummaryResult.SectionSummary(
                title: section.title, sentence: selector.best(in: paragraphs, candidates, scores: scores).map { candidates[$0].text })
        }
        return SummaryResult(keywords: ranked, summary: chosen.map { candidates[$0].text },
                             dictionary: segmenter.dictionaryVersion, sectionSummaries: sections,
                             indicatorDigest: IndicatorDigest.headline(of: document))
    }

    /// Every keyword candidate by falling weight, not only the 20 a summary holds: where a term
    /// ranks tells how far it is from being a keyword (docs/SEGMENTATION.md quotes such ranks).
    public func rankedKeywords(_ document: ParsedDocument, count: Int = .max) -> [SummaryResult.Keyword] {
        let (terms, candidates, scores) = scoredSentences(document)
        return keywords(terms, candidates, scores, count: count)
    }

    /// The document's terms, its whole sentences, and their TextRank scores (nil where not eligible).
    private func scoredSentences(_ document: ParsedDocument) -> (DocumentTerms, [SentenceSelector.Candidate], [Double?]) {
        let terms = DocumentTerms(document.paragraphs, filter: termFilter)
        let candidates = sentenceCandidates(document, terms)
        return (terms, candidates, SentenceSelector().scores(candidates, termCount: terms.terms.count))
    }

    private func keywords(_ terms: DocumentTerms, _ candidates: [SentenceSelector.Candidate], _ scores: [Double?],
                          count: Int) -> [SummaryResult.Keyword] {
        let scored = candidates.indices.compactMap { index in scores[index].map { (candidates[index].terms, $0) } }
        return KeywordRanker(idf: idf, corpus: corpus, themeHeads: termFilter.themeHeads(of:),
                             isPlace: { [domain] in domain?.isPlace($0) ?? false })
            .keywords(terms.passages, terms: terms.terms, sentences: scored, count: count)
    }

    private var termFilter: TermFilter {
        TermFilter(segmenter: segmenter, stopWords: stopWords, domain: domain)
    }

    /// The keyword candidates of each document, for `DocumentFrequencyTable(documentTerms:)`.
    public func keywordCandidates(_ document: ParsedDocument) -> [String] {
        let filter = termFilter
        let found = DocumentTerms(document.paragraphs, filter: filter)
        let terms = found.passages.flatMap { $0.map { found.terms[Int($0)] } }
        return terms + found.terms.flatMap(filter.themeHeads(of:))
    }

    /// Each distinct whole sentence of the non-heading paragraphs, with its terms as ids: the
    /// paragraph's segmentation sliced at the sentence ends (a sentence end is never inside a
    /// word, so the slice holds the words the sentence alone would be cut into).
    private func sentenceCandidates(_ document: ParsedDocument, _ terms: DocumentTerms) -> [SentenceSelector.Candidate] {
        let headings = Set(document.sections.flatMap(Summarizer.headingIndices))
        var candidates: [SentenceSelector.Candidate] = []
        // Keyed by bytes (see `TermKey`): hashing each sentence as a String through Unicode
        // normalisation was 8% of a job.
        var seen = Set<TermKey>()
        for (index, paragraph) in terms.paragraphs.enumerated() where !headings.contains(index) {
            let occurrences = paragraph.occurrences
            var next = 0
            for range in WholeSentenceSpans.of(paragraph.text.scalars) {
                while next < occurrences.count, occurrences[next].start < range.lowerBound { next += 1 }
                var ids: [Int32] = []
                while next < occurrences.count, occurrences[next].start < range.upperBound {
                    ids.append(occurrences[next].term)
                    next += 1
                }
                let sentence = paragraph.text.text(range)
                guard seen.insert(TermKey(sentence)).inserted else { continue }
                ids.sort()
                candidates.append(.init(text: sentence, paragraph: index, terms: ids.uniqued(), length: range.count))
            }
        }
        return candidates
    }

    private static func headingIndices(_ section: Section) -> [Int] {
        [section.paragraphIndex] + section.children.flatMap(headingIndices)
    }
}

private extension Array where Element == Int32 {
    /// An ascending array without its repeats.
    func uniqued() -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        for value in self where result.last != value { result.append(value) }
        return result
    }
}
