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
        let terms: [Int]
    }

    /// Sentences shorter than this many characters say too little to stand alone in a summary.
    var minimumLength = 12
    var maximumOverlap = 0.7
    /// The sentence graph is quadratic; beyond this many sentences (a report has a few hundred)
    /// only those with the most distinct terms take part, so a huge input cannot stall the worker.
    var maximumSentences = 1000

    /// TextRank scores of the eligible candidates, by index into `candidates`; the others have none.
    func scores(_ candidates: [Candidate]) -> [Int: Double] {
        var eligible = candidates.indices.filter {
            candidates[$0].text.unicodeScalars.count >= minimumLength && candidates[$0].terms.count >= 2
        }
        if eligible.count > maximumSentences {
            eligible = Array(eligible.sorted { candidates[$0].terms.count > candidates[$1].terms.count }
                .prefix(maximumSentences)).sorted()
        }
        var graph = TextRank(nodeCount: eligible.count)
        for a in eligible.indices {
            for b in eligible.indices where b > a {
                graph.connect(a, b, weight: similarity(candidates[eligible[a]].terms, candidates[eligible[b]].terms))
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(eligible, graph.scores()))
    }

    /// Indices into `candidates` of the chosen sentences, in document order: the best scored
    /// that do not repeat one chosen already.
    func choose(_ candidates: [Candidate], scores: [Int: Double], count: Int) -> [Int] {
        var chosen: [Int] = []
        for index in scores.keys.sorted(by: { scores[$0]! != scores[$1]! ? scores[$0]! > scores[$1]! : $0 < $1 }) {
            guard chosen.count < count else { break }
            let terms = candidates[index].terms
            let repeatsChosen = chosen.contains { overlap(terms, candidates[$0].terms) > maximumOverlap }
            if !repeatsChosen { chosen.append(index) }
        }
        return chosen.sorted()
    }

    /// The best scored candidate among those whose paragraph lies in `paragraphs`.
    func best(in paragraphs: Range<Int>, _ candidates: [Candidate], scores: [Int: Double]) -> Int? {
        scores.filter { paragraphs.contains(candidates[$0.key].paragraph) }
            .max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    private func similarity(_ a: [Int], _ b: [Int]) -> Double {
        let shared = sharedCount(a, b)
        guard shared > 0 else { return 0 }
        return Double(shared) / (log(Double(a.count) + 1) + log(Double(b.count) + 1))
    }

    private func overlap(_ a: [Int], _ b: [Int]) -> Double {
        Double(sharedCount(a, b)) / Double(max(1, min(a.count, b.count)))
    }

    /// Size of the intersection of two ascending id lists.
    private func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
