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
        var ids: [String: Int] = [:]
        var terms: [String] = []
        var frequency: [Int] = []
        let encoded = passages.map { passage in
            passage.map { term -> Int in
                if let id = ids[term] { frequency[id] += 1; return id }
                ids[term] = terms.count
                terms.append(term)
                frequency.append(1)
                return terms.count - 1
            }
        }
        guard !terms.isEmpty else { return [] }
        // Heads take no place in the co-occurrence windows: they were not written there.
        for head in terms.flatMap(themeHeads) where ids[head] == nil {
            ids[head] = terms.count
            terms.append(head)
            frequency.append(0)
        }

        var graph = TextRank(nodeCount: terms.count)
        for passage in encoded {
            for (position, term) in passage.enumerated() {
                for other in passage[(position + 1)..<min(passage.count, position + window)] {
                    graph.connect(term, other, weight: 1)
                }
            }
        }
        let centrality = scaledToMax(graph.scores())
        let familyFrequency = familyFrequencies(terms, frequency, ids)
        let specificity = scaledToMax(terms.indices.map { id in
            (1 + log(Double(familyFrequency[id]))) * (idf?.idf(terms[id]) ?? 1) * (corpus?.weight(terms[id]) ?? 1)
        })

        let blended = terms.indices.map { (1 - textRankShare) * specificity[$0] + textRankShare * centrality[$0] }
        let ranked = terms.indices.sorted { blended[$0] != blended[$1] ? blended[$0] > blended[$1] : terms[$0] < terms[$1] }
        return ranked.prefix(count).map { id in
            SummaryResult.Keyword(term: terms[id], weight: (blended[id] * 10_000).rounded() / 10_000)
        }
    }

    /// A term's own count plus those of the longer terms it begins: 世园会 and 世园公园 are
    /// mentions of 世园, 冬奥会 of 冬奥. Without this a theme spread over several compounds
    /// loses to a stock word that is always written the same way.
    private func familyFrequencies(_ terms: [String], _ frequency: [Int], _ ids: [String: Int]) -> [Int] {
        var family = frequency
        for (id, term) in terms.enumerated() {
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
