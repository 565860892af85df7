import Foundation
import ReportProtocol

/// Keywords by TF-IDF (how characteristic a term is of this report) blended with salience (how
/// much the report's central sentences talk about it). Each score is scaled to its maximum
/// before blending so neither dominates by units alone. TF is sublinear (1 + ln count): reports
/// repeat stock phrases dozens of times, and a raw count lets them drown the rarer terms that
/// actually set one report apart from another.
struct KeywordRanker {
    let idf: IDFTable?
    /// Documents of our own corpus holding each term: multiplies jieba's IDF, so the genre's stock
    /// words (present in every report) sink below what only this report talks about.
    var corpus: DocumentFrequencyTable? = nil
    /// The theme heads a candidate term stands for (`TermFilter.themeHeads`): they become
    /// candidates even when never written alone (生态涵养 only inside 生态涵养区).
    var themeHeads: (String) -> [String] = { _ in [] }
    /// The domain dictionary's places (`DomainTermList.isPlace`), whose IDF is at least the median.
    var isPlace: (String) -> Bool = { _ in false }
    var salienceShare = 0.3
    /// A theme is something the report comes back to: a term mentioned fewer times than this
    /// (counting the compounds it begins) keeps only that share of its weight. Rare literary
    /// words (飞鸿, 半篇) otherwise ride jieba's IDF into the top twenty on two mentions.
    var themeMentions = 3.0

    /// `passages` are the candidate terms of each paragraph; no sentence scores are known, so
    /// the ranking is by TF-IDF alone.
    func keywords(_ passages: [[String]], count: Int) -> [SummaryResult.Keyword] {
        var ids: [String: Int32] = [:]
        var terms: [String] = []
        let encoded = passages.map { passage in
            passage.map { term -> Int32 in
                if let id = ids[term] { return id }
                ids[term] = Int32(terms.count)
                terms.append(term)
                return Int32(terms.count - 1)
            }
        }
        return keywords(encoded, terms: terms, sentences: [], count: count)
    }

    /// - Parameters:
    ///   - passages: the candidate terms of each paragraph as ids into `terms`.
    ///   - sentences: the terms of each scored sentence with its TextRank score. A term's
    ///     salience is the summed score of the sentences mentioning it (or a compound it heads):
    ///     the words of the sentences that the rest of the report echoes most are what it is
    ///     about, the same centrality that picks the summary.
    func keywords(_ passages: [[Int32]], terms writtenTerms: [String], sentences: [(terms: [Int32], score: Double)],
                  count: Int) -> [SummaryResult.Keyword] {
        var terms = writtenTerms
        var frequency = [Int](repeating: 0, count: terms.count)
        for passage in passages { for term in passage { frequency[Int(term)] += 1 } }
        guard frequency.contains(where: { $0 > 0 }) else { return [] }
        var ids = [TermKey: Int](minimumCapacity: terms.count)
        for (id, term) in terms.enumerated() { ids[TermKey(term)] = id }
        for id in writtenTerms.indices where frequency[id] > 0 {
            for head in themeHeads(terms[id]) where ids[TermKey(head)] == nil {
                ids[TermKey(head)] = terms.count
                terms.append(head)
                frequency.append(0)
            }
        }
        let candidates = terms.indices.filter { frequency[$0] > 0 || $0 >= writtenTerms.count }
        let family = TermFamilies(terms: terms, ids: ids)
        let familyFrequency = family.pooled(frequency.map(Double.init))

        var ownSalience = [Double](repeating: 0, count: terms.count)
        for sentence in sentences { for term in sentence.terms { ownSalience[Int(term)] += sentence.score } }
        let salience = scaledToMax(family.pooled(ownSalience))
        var specificity = [Double](repeating: 0, count: terms.count)
        for id in candidates {
            specificity[id] = (1 + log(familyFrequency[id])) * generalIDF(terms[id]) * (corpus?.weight(terms[id]) ?? 1)
        }
        specificity = scaledToMax(specificity)

        var blended = [Double](repeating: 0, count: terms.count)
        for id in candidates {
            let evidence = min(1, familyFrequency[id] / themeMentions)
            blended[id] = ((1 - salienceShare) * specificity[id] + salienceShare * salience[id]) * evidence
        }
        let ranked = candidates.sorted { blended[$0] != blended[$1] ? blended[$0] > blended[$1] : terms[$0] < terms[$1] }
        return ranked.prefix(count).map { id in
            SummaryResult.Keyword(term: terms[id], weight: (blended[id] * 10_000).rounded() / 10_000)
        }
    }

    /// jieba's IDF, raised to the table's median for a place of the domain dictionary. General
    /// text names a place as often as it is famous, so its IDF measures fame (长城 6.7, 延庆 10.5,
    /// while 世园公园, which the table lacks, gets the median 11.95), not vagueness: a place named
    /// in a report is specific however famous. Only the curated list is trusted, since jieba tags
    /// 美丽, 中国 and 东路 as places too.
    private func generalIDF(_ term: String) -> Double {
        guard let idf else { return 1 }
        let value = idf.idf(term)
        return isPlace(term) ? max(value, idf.median) : value
    }

    private func scaledToMax(_ values: [Double]) -> [Double] {
        guard let top = values.max(), top > 0 else { return values }
        return values.map { $0 / top }
    }
}

/// Which candidate terms begin which: 世园会 and 世园公园 are mentions of 世园, 冬奥会 of 冬奥.
/// Without pooling them a theme spread over several compounds loses to a stock word that is
/// always written the same way.
struct TermFamilies {
    /// For each term, the ids of the shorter candidate terms (two characters or more) it begins.
    private let heads: [[Int]]

    init(terms: [String], ids: [TermKey: Int]) {
        heads = terms.map { term in term.scalarPrefixes(minimumLength: 2).compactMap { ids[TermKey($0)] } }
    }

    /// Each term's own value plus those of the longer terms it begins.
    func pooled(_ own: [Double]) -> [Double] {
        var result = own
        for (id, heads) in heads.enumerated() where own[id] != 0 {
            for head in heads { result[head] += own[id] }
        }
        return result
    }
}
