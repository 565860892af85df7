import Foundation
import ChineseText
import GRDB
import ReportProtocol

extension SearchIndex {
    /// Reports matching `request.query` within its filters, best first, at most `request.limit`
    /// of them, each with its best paragraph's section and a snippet around the match.
    /// Throws `SearchIndexError.nothingToSearch` when the query holds nothing to look for.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let query = SearchQuery(parsing: request.query).withAlternatives(converter.convert)
        let scope = SearchScope(request, simplified: converter.convert)
        // With a section filter, exclusions are checked in the section's paragraphs, not the report.
        guard let match = MatchExpression(query, excluding: scope.section == nil) else {
            throw SearchIndexError.nothingToSearch(query: request.query)
        }
        guard request.limit > 0 else { return SearchResponse(query: request.query, hits: []) }
        let patterns = QueryPatterns(query)
        return try read("searching \"\(request.query)\"") { db in
            let ranked = try self.leadingReports(matching: match, patterns: patterns, terms: query.positiveTerms,
                                                 scope: scope, limit: request.limit, db)
            let hits = try ranked.prefix(request.limit).map { try self.hit(for: $0, patterns: patterns, scope: scope,
                                                                         terms: query.positiveTerms, db) }
            // `report_rank` scored every report FTS5 matched within the SQL filters before the
            // first came out, so their number costs nothing. A section filter then drops reports
            // whose match lies elsewhere, which only a read of every one of them would count.
            let total = scope.section == nil ? self.rankings.state(of: db).query.rowsScored : nil
            return SearchResponse(query: request.query, hits: hits, total: total)
        }
    }

    /// The reports that can reach the first `limit` places, best first. Reports come from FTS5
    /// in BM25 order (`RankedReports`); the walk reads a report's stored paragraphs only when the section filter
    /// or the word-match re-ranking needs them. With a segmenter it stops once a report's BM25
    /// score × `WordMatch.maximumBoost` cannot beat the `limit`-th score so far, and after
    /// `rerankDepth(limit)` reports (when thousands score alike, the rest cannot be segmented
    /// one by one); without, after `limit` reports and any that tie with the last.
    private func leadingReports(matching match: MatchExpression, patterns: QueryPatterns, terms: [SearchQuery.Term],
                                scope: SearchScope, limit: Int, _ db: Database) throws -> [ReportRanking] {
        let depth = segmenter == nil ? limit : Self.rerankDepth(limit)
        // The walk reads at most `depth` rows unless it may skip some (section filter) or keeps ties.
        var cursor = try RankedReports(matching: match, scope: scope,
                                       atMost: segmenter != nil && scope.section == nil ? depth : nil,
                                       state: rankings.state(of: db), db)
        var accepted: [ReportRanking] = []
        // The best `limit` scores so far, descending: the last is the score to beat.
        var leading: [Double] = []
        while let (rowId, baseScore) = cursor.next() {
            // Without re-ranking, reports tying with the last one are kept, so ties go by report id.
            if accepted.count >= depth, segmenter != nil || baseScore < accepted[accepted.count - 1].baseScore { break }
            if segmenter != nil, leading.count >= limit, baseScore * WordMatch.maximumBoost < leading[limit - 1] { break }
            var ranking = try Self.report(rowId, baseScore: baseScore, db)
            if scope.section != nil || segmenter != nil {
                let paragraphs = try Self.storedParagraphs(of: ranking.rowId, db)
                // Only a section filter skips a report here: FTS5 and the stored paragraphs hold the
                // same text, so without one some paragraph matches (keeping only `depth` rows relies on it).
                guard let choice = ParagraphChoice(in: paragraphs, patterns: patterns, scope: scope) else { continue }
                ranking.shown = (paragraphs, choice)
                if let segmenter {
                    ranking.wordMatch = WordMatch.best(of: terms, in: paragraphs.text(choice.paragraph), segmenter: segmenter)
                }
            }
            accepted.append(ranking)
            let place = leading.firstIndex { $0 < ranking.score } ?? leading.count
            if place < limit {
                leading.insert(ranking.score, at: place)
                if leading.count > limit { leading.removeLast() }
            }
        }
        return ReportRanking.ordered(accepted)
    }

    /// How many reports, in BM25 order, the word-match re-ranking looks at, at most. Each costs
    /// a read of its text (tens of KB) and a segmentation: on the benchmark corpus, where
    /// thousands of reports score alike, 50 made the walk most of a query's time.
    static func rerankDepth(_ limit: Int) -> Int { max(20, 2 * limit) }

    private static func report(_ rowId: Int64, baseScore: Double, _ db: Database) throws -> ReportRanking {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT report_id, file, title, region, year FROM reports WHERE id = ?"),
                                   arguments: [rowId])
        guard let row else { throw MissingRow(table: "reports", rowId: rowId) }
        return ReportRanking(rowId: rowId, reportId: row[0], file: row[1], title: row[2], region: row[3], year: row[4],
                             baseScore: baseScore)
    }

    private static func storedParagraphs(of rowId: Int64, _ db: Database) throws -> StoredParagraphs {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT titles, places, body FROM report_text WHERE id = ?"),
                                   arguments: [rowId])
        guard let row else { throw MissingRow(table: "report_text", rowId: rowId) }
        return StoredParagraphs(body: Array(row[2] as Data), titles: row[0], places: Array(row[1] as Data))
    }

    private func hit(for ranking: ReportRanking, patterns: QueryPatterns, scope: SearchScope,
                     terms: [SearchQuery.Term], _ db: Database) throws -> SearchHit {
        var section: String?
        var snippet = ""
        let paragraphs = try ranking.shown?.paragraphs ?? Self.storedParagraphs(of: ranking.rowId, db)
        if let choice = ranking.shown?.choice ?? ParagraphChoice(in: paragraphs, patterns: patterns, scope: scope) {
            section = paragraphs.section(choice.paragraph)
            snippet = SnippetBuilder.snippet(of: paragraphs.text(choice.paragraph), terms: terms)
        } else if paragraphs.count > 0 {
            // FTS5 matched but no stored paragraph does: cannot happen while both hold the same text.
            snippet = SnippetBuilder.snippet(of: paragraphs.text(0), terms: terms)
        }
        return SearchHit(reportId: ranking.reportId, file: ranking.file, title: ranking.title, region: ranking.region,
                         year: ranking.year, section: section, snippet: snippet, score: ranking.score)
    }

    /// A row FTS5 matched is missing from the table that should hold it.
    struct MissingRow: Error, CustomStringConvertible {
        let table: String
        let rowId: Int64
        var description: String { "report row \(rowId) matched in report_fts but is missing from \(table)" }
    }
}
