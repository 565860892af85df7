import Foundation

/// Okapi BM25 with the usual constants (k1 = 1.2, b = 0.75, as FTS5's bm25() and Lucene use):
/// a term's weight grows with its frequency but saturates, and a long text needs more
/// occurrences than a short one for the same weight.
struct BM25 {
    static let k1 = 1.2
    static let b = 0.75

    /// Mean length of the texts ranked against each other, in the unit `length` is given in.
    let averageLength: Double

    init(averageLength: Double) {
        self.averageLength = max(1, averageLength)
    }

    /// The frequency part of one term's score in a text of `length`.
    func termWeight(frequency: Double, length: Double) -> Double {
        frequency * (Self.k1 + 1) / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
    }

    /// FTS5's IDF: ln((N − n + 0.5) / (n + 0.5)) for n of N documents holding the term, at least
    /// 1e-6, so a term every report holds still ranks the reports that say it most first.
    static func reportIDF(documents: Int, holding: Int) -> Double {
        let idf = log((Double(documents) - Double(holding) + 0.5) / (Double(holding) + 0.5))
        return idf > 0 ? idf : 1e-6
    }
}
