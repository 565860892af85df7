import Foundation

/// Picks summary sentences by TextRank over sentences, two sentences being as similar as the
/// terms they share (normalised by their lengths, as in the TextRank paper). Near-copies of a
/// chosen sentence are skipped, since scraped reports repeat their opening in an abstract.
struct SentenceSelector {
    struct Candidate {
        let text: String
        /// Index of the paragraph the sentence is in.
        let paragraph: Int
        /// Ids of the sentence's distinct terms, ascending.
        let terms: [Int32]
        /// Length in Unicode scalars.
        let length: Int
    }

    /// Sentences shorter than this many characters say too little to stand alone in a summary.
    var minimumLength = 12
    var maximumOverlap = 0.7
    /// Beyond this many sentences (a report has a few hundred) only those with the most
    /// distinct terms take part, so a huge input cannot stall the worker.
    var maximumSentences = 1000

    /// TextRank scores of the candidates, by index into `candidates`; nil for those not eligible.
    func scores(_ candidates: [Candidate], termCount: Int) -> [Double?] {
        var eligible = candidates.indices.filter {
            candidates[$0].length >= minimumLength && candidates[$0].terms.count >= 2
        }
        if eligible.count > maximumSentences {
            eligible = Array(eligible.sorted { candidates[$0].terms.count > candidates[$1].terms.count }
                .prefix(maximumSentences)).sorted()
        }
        let graph = similarityGraph(eligible.map { candidates[$0].terms }, termCount: termCount)
        var result = [Double?](repeating: nil, count: candidates.count)
        for (index, score) in zip(eligible, graph.scores()) { result[index] = score }
        return result
    }

    /// Every pair of sentences sharing a term, linked by their similarity. Pairs sharing none
    /// have similarity 0 and no link, so only pairs met through a term's list of sentences (an
    /// inverted index) are looked at, not all n² of them. Links are added in the order of a
    /// plain double loop over the pairs, so the scores are the same to the last bit.
    func similarityGraph(_ sentences: [[Int32]], termCount: Int) -> TextRank {
        var postings = [[Int32]](repeating: [], count: termCount)
        for (sentence, terms) in sentences.enumerated() {
            for term in terms { postings[Int(term)].append(Int32(sentence)) }
        }
        // Where each term's list has reached: the sentences before it were handled already.
        var cursor = [Int](repeating: 0, count: termCount)
        var shared = [Int32](repeating: 0, count: sentences.count)
        var partners: [Int32] = []
        let lengthLogs = sentences.map { log(Double($0.count) + 1) }
        var graph = TextRank(nodeCount: sentences.count)
        for (a, terms) in sentences.enumerated() {
            for term in terms {
                let list = postings[Int(term)]
                cursor[Int(term)] += 1
                for b in list[cursor[Int(term)]...] {
                    if shared[Int(b)] == 0 { partners.append(b) }
                    shared[Int(b)] += 1
                }
            }
            partners.sort()
            for b in partners {
                graph.connect(a, Int(b), weight: Double(shared[Int(b)]) / (lengthLogs[a] + lengthLogs[Int(b)]))
                shared[Int(b)] = 0
            }
            partners.removeAll(keepingCapacity: true)
        }
        return graph
    }

    /// Indices into `candidates` of the chosen sentences, in document order: the best scored
    /// that do not repeat one chosen already.
    func choose(_ candidates: [Candidate], scores: [Double?], count: Int) -> [Int] {
        let ranked = scores.indices.filter { scores[$0] != nil }
            .sorted { scores[$0]! != scores[$1]! ? scores[$0]! > scores[$1]! : $0 < $1 }
        var chosen: [Int] = []
        for index in ranked {
            guard chosen.count < count else { break }
            let terms = candidates[index].terms
            let repeatsChosen = chosen.contains { overlap(terms, candidates[$0].terms) > maximumOverlap }
            if !repeatsChosen { chosen.append(index) }
        }
        return chosen.sorted()
    }

    /// The best scored candidate among those whose paragraph lies in `paragraphs`; on a tie the first.
    func best(in paragraphs: Range<Int>, _ candidates: [Candidate], scores: [Double?]) -> Int? {
        var best: Int?
        for index in candidates.indices where paragraphs.contains(candidates[index].paragraph) {
            guard let score = scores[index] else { continue }
            if best == nil || score > scores[best!]! { best = index }
        }
        return best
    }

    private func overlap(_ a: [Int32], _ b: [Int32]) -> Double {
        Double(sharedCount(a, b)) / Double(max(1, min(a.count, b.count)))
    }

    /// Size of the intersection of two ascending id lists.
    private func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
