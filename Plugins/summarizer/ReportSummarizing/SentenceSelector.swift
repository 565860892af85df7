import Foundation

/// Picks summary sentences by TextRank over sentences, two sentences being as similar as the
/// terms they share (normalised by their lengths, as in the TextRank paper). Near-copies of a
/// chosen sentence are skipped, since scraped reports repeat their opening in an abstract.
struct SentenceSelector {
    struct Candidate {
        let text: String
        let terms: Set<String>
    }

    /// Sentences shorter than this many characters say too little to stand alone in a summary.
    var minimumLength = 12
    var maximumOverlap = 0.7

    /// Indices into `candidates` of the chosen sentences, in document order.
    func choose(_ candidates: [Candidate], count: Int) -> [Int] {
        let eligible = candidates.indices.filter {
            candidates[$0].text.unicodeScalars.count >= minimumLength && candidates[$0].terms.count >= 2
        }
        var graph = TextRank(nodeCount: eligible.count)
        for a in eligible.indices {
            for b in eligible.indices where b > a {
                graph.connect(a, b, weight: similarity(candidates[eligible[a]].terms, candidates[eligible[b]].terms))
            }
        }
        let scores = graph.scores()
        var chosen: [Int] = []
        for node in eligible.indices.sorted(by: { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }) {
            guard chosen.count < count else { break }
            let terms = candidates[eligible[node]].terms
            let repeatsChosen = chosen.contains { overlap(terms, candidates[$0].terms) > maximumOverlap }
            if !repeatsChosen { chosen.append(eligible[node]) }
        }
        return chosen.sorted()
    }

    private func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let shared = a.intersection(b).count
        guard shared > 0 else { return 0 }
        return Double(shared) / (log(Double(a.count) + 1) + log(Double(b.count) + 1))
    }

    private func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        Double(a.intersection(b).count) / Double(max(1, min(a.count, b.count)))
    }
}
