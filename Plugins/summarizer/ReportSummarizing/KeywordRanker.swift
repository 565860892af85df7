import Foundation
import ReportProtocol

/// Keywords by TF-IDF (how characteristic a term is of this report) blended with TextRank over
/// co-occurrence (how central it is to what the report talks about). Each score is scaled to
/// its maximum before blending so neither dominates by units alone. TF is sublinear
/// (1 + ln count): reports repeat stock phrases dozens of times, and a raw count lets them
/// drown the rarer terms that actually set one report apart from another.
struct KeywordRanker {
    let idf: IDFTable?
    /// Documents of our own corpus holding each term: multiplies jieba's IDF, so the genre's stock
    /// words (present in every report) sink below what only this report talks about.
    var corpus: DocumentFrequencyTable? = nil
    /// The theme heads a candidate term stands for (`TermFilter.themeHeads`): they become
    /// candidates even when never written alone (生态涵养 only inside 生态涵养区).
    var themeHeads: (String) -> [String] = { _ in [] }
    /// Terms within this many positions of each other are linked.
    var window = 5
    var textRankShare = 0.3

    /// `passages` are the candidate terms of each paragraph, in order; windows do not cross them.
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
        return keywords(encoded, terms: terms, count: count)
    }

    /// The same, with the terms as ids into `terms`.
    func keywords(_ passages: [[Int32]], terms writtenTerms: [String], count: Int) -> [SummaryResult.Keyword] {
        var terms = writtenTerms
        var frequency = [Int](repeating: 0, count: terms.count)
        for passage in passages { for term in passage { frequency[Int(term)] += 1 } }
        // A term that no passage holds (the caller's list may be longer) is no candidate.
        guard frequency.contains(where: { $0 > 0 }) else { return [] }
        var ids = [String: Int](minimumCapacity: terms.count)
        for (id, term) in terms.enumerated() { ids[term] = id }
        // Heads take no place in the co-occurrence windows: they were not written there.
        for id in writtenTerms.indices where frequency[id] > 0 {
            for head in themeHeads(terms[id]) where ids[head] == nil {
                ids[head] = terms.count
                terms.append(head)
                frequency.append(0)
            }
        }
        let candidates = terms.indices.filter { frequency[$0] > 0 || $0 >= writtenTerms.count }

        let centrality = scaledToMax(cooccurrence(passages, nodeCount: terms.count).scores())
        let familyFrequency = familyFrequencies(terms, frequency, ids)
        var specificity = [Double](repeating: 0, count: terms.count)
        for id in candidates {
            specificity[id] = (1 + log(Double(familyFrequency[id]))) * (idf?.idf(terms[id]) ?? 1) * (corpus?.weight(terms[id]) ?? 1)
        }
        specificity = scaledToMax(specificity)

        var blended = [Double](repeating: 0, count: terms.count)
        for id in candidates { blended[id] = (1 - textRankShare) * specificity[id] + textRankShare * centrality[id] }
        let ranked = candidates.sorted { blended[$0] != blended[$1] ? blended[$0] > blended[$1] : terms[$0] < terms[$1] }
        return ranked.prefix(count).map { id in
            SummaryResult.Keyword(term: terms[id], weight: (blended[id] * 10_000).rounded() / 10_000)
        }
    }

    /// Terms within `window` positions of each other in a passage, linked once per pair with
    /// the number of times they were that close: the same ranking as one link per meeting,
    /// with far fewer links for the iterations to walk.
    private func cooccurrence(_ passages: [[Int32]], nodeCount: Int) -> TextRank {
        var meetings: [UInt64: Int] = [:]
        for passage in passages {
            for (position, term) in passage.enumerated() {
                for other in passage[(position + 1)..<min(passage.count, position + window)] where other != term {
                    let (low, high) = term < other ? (term, other) : (other, term)
                    meetings[UInt64(UInt32(low)) << 32 | UInt64(UInt32(high)), default: 0] += 1
                }
            }
        }
        var graph = TextRank(nodeCount: nodeCount)
        for (pair, count) in meetings.sorted(by: { $0.key < $1.key }) {
            graph.connect(Int(pair >> 32), Int(pair & 0xffff_ffff), weight: Double(count))
        }
        return graph
    }

    /// A term's own count plus those of the longer terms it begins: 世园会 and 世园公园 are
    /// mentions of 世园, 冬奥会 of 冬奥. Without this a theme spread over several compounds
    /// loses to a stock word that is always written the same way.
    private func familyFrequencies(_ terms: [String], _ frequency: [Int], _ ids: [String: Int]) -> [Int] {
        var family = frequency
        for (id, term) in terms.enumerated() where frequency[id] > 0 {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count > 2 else { continue }
            for length in 2..<scalars.count {
                let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
                if let prefixID = ids[prefix] { family[prefixID] += frequency[id] }
            }
        }
        return family
    }

    private func scaledToMax(_ values: [Double]) -> [Double] {
        guard let top = values.max(), top > 0 else { return values }
        return values.map { $0 / top }
    }
}
