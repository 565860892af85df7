import Foundation

/// How a report's paragraph hits become its place in the results.
///
/// FTS5's bm25() scores paragraphs, lower (more negative) being better. A report is ranked by
/// its best paragraph, boosted by the logarithm of how many of its paragraphs match: a report
/// about 冬奥 that mentions it in ten paragraphs outranks one with a single dense mention,
/// while a report cannot climb far just by being long. Where the segmenter looked at the best
/// paragraph, a match on whole words counts more than one across a word boundary (`WordMatch`).
struct ReportRanking {
    var reportId: String
    var bestParagraphId: Int64
    var bestBM25: Double
    var matchingParagraphs: Int
    /// Nil until (unless) the best paragraph was segmented.
    var wordMatch: WordMatch?

    /// From BM25 and the number of matching paragraphs alone; positive, higher is better.
    var baseScore: Double {
        -bestBM25 * (1 + log(Double(max(1, matchingParagraphs))))
    }

    /// Positive, higher is better.
    var score: Double {
        baseScore * (wordMatch?.boost ?? 1)
    }

    static func ordered(_ rankings: [ReportRanking]) -> [ReportRanking] {
        rankings.sorted { left, right in
            left.score != right.score ? left.score > right.score : left.reportId < right.reportId
        }
    }
}
