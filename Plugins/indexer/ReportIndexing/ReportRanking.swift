import Foundation

/// A matching report on its way to the results: what FTS5 said of it, and, once its stored
/// paragraphs were read, the paragraph a hit shows and how the terms sit among its words.
///
/// `report_rank` (BM25 over the report-level rows) scores whole reports: how often the terms
/// occur, weighted by their rarity across reports and normalised by the report's length.
/// Where the segmenter looked at the best paragraph, a match on whole words counts more than
/// one across a word boundary (`WordMatch`).
struct ReportRanking {
    var rowId: Int64
    var reportId: String
    var file: String
    var title: String?
    var region: String?
    var year: Int?
    /// The report's BM25 score: positive, higher is better.
    var baseScore: Double
    /// The stored paragraphs and the one shown, once read.
    var shown: (paragraphs: StoredParagraphs, choice: ParagraphChoice)?
    /// Nil until (unless) the shown paragraph was segmented.
    var wordMatch: WordMatch?

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
