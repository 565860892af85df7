import ChineseText
import GRDB
import ReportProtocol

extension SearchIndex {
    /// Reports matching `request.query` within its filters, best first, at most `request.limit`
    /// of them, each with its best paragraph's section and a snippet around the match.
    /// Throws `SearchIndexError.nothingToSearch` when the query holds nothing to look for.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let query = SearchQuery(parsing: request.query).withAlternatives(converter.convert)
        guard let match = MatchExpression(query) else {
            throw SearchIndexError.nothingToSearch(query: request.query)
        }
        guard request.limit > 0 else { return SearchResponse(query: request.query, hits: []) }
        let scope = SearchScope(request, simplified: converter.convert)
        let hits = try read("searching \"\(request.query)\"") { db in
            let ranked = try self.rerankedByWords(ReportRanking.ordered(try Self.rankings(matching: match, in: scope, db)),
                                                  terms: query.positiveTerms, limit: request.limit, db)
            return try ranked.prefix(request.limit).map { try self.hit(for: $0, terms: query.positiveTerms, db) }
        }
        return SearchResponse(query: request.query, hits: hits)
    }

    /// Every matching report with its best paragraph among those holding a positive term.
    /// MATERIALIZED keeps bm25() in the FTS5 query itself, the only place SQLite allows it.
    /// Only expressions built by `MatchExpression` and filter values are bound, never user text as SQL.
    private static func rankings(matching match: MatchExpression, in scope: SearchScope, _ db: Database) throws -> [ReportRanking] {
        let scoped = scope.isEmpty ? "" : "JOIN reports r ON r.report_id = p.report_id"
        let reportsMatching = """
            SELECT p.report_id FROM paragraph_fts f JOIN paragraphs p ON p.id = f.rowid \(scoped)
            WHERE paragraph_fts MATCH ?\(scope.andClause)
            """
        var filters: [String] = []
        var arguments: [any DatabaseValueConvertible] = [match.anyPositive] + scope.arguments
        for group in match.requiredGroups {
            filters.append("report_id IN (\(reportsMatching))")
            arguments.append(group)
            arguments.append(contentsOf: scope.arguments)
        }
        if let excluded = match.excluded {
            filters.append("report_id NOT IN (\(reportsMatching))")
            arguments.append(excluded)
            arguments.append(contentsOf: scope.arguments)
        }
        let rows = try Row.fetchAll(db, sql: """
            WITH hits AS MATERIALIZED (
                SELECT rowid AS id, bm25(paragraph_fts) AS rank
                FROM paragraph_fts WHERE paragraph_fts MATCH ?
            ),
            per_report AS (
                SELECT p.report_id, p.id AS paragraph_id, MIN(h.rank) AS best, COUNT(*) AS matches
                FROM hits h JOIN paragraphs p ON p.id = h.id \(scoped)
                WHERE 1\(scope.andClause)
                GROUP BY p.report_id
            )
            SELECT * FROM per_report
            \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
            """, arguments: StatementArguments(arguments))
        return rows.map { row in
            ReportRanking(reportId: row["report_id"], bestParagraphId: row["paragraph_id"],
                          bestBM25: row["best"], matchingParagraphs: row["matches"])
        }
    }

    /// The leading reports with their word match applied, best first. Only reports that can
    /// still reach the first `limit` places are segmented (the boost is at most
    /// `WordMatch.maximumBoost`), and at most `rerankDepth(limit)` of them: when thousands of
    /// reports score alike (many copies of one report), the rest keep their BM25 order.
    private func rerankedByWords(_ ordered: [ReportRanking], terms: [SearchQuery.Term], limit: Int,
                                 _ db: Database) throws -> [ReportRanking] {
        guard let segmenter, !ordered.isEmpty else { return ordered }
        var candidates: [ReportRanking] = []
        // The best `limit` scores so far, descending: the last is the score to beat.
        var leading: [Double] = []
        for var ranking in ordered.prefix(Self.rerankDepth(limit)) {
            if leading.count >= limit, ranking.baseScore * WordMatch.maximumBoost < leading[limit - 1] { break }
            let body = try String.fetchOne(db, sql: "SELECT body FROM paragraphs WHERE id = ?",
                                           arguments: [ranking.bestParagraphId]) ?? ""
            ranking.wordMatch = WordMatch.best(of: terms, in: body, segmenter: segmenter)
            candidates.append(ranking)
            let place = leading.firstIndex { $0 < ranking.score } ?? leading.count
            if place < limit {
                leading.insert(ranking.score, at: place)
                if leading.count > limit { leading.removeLast() }
            }
        }
        return ReportRanking.ordered(candidates) + ordered.dropFirst(candidates.count)
    }

    /// How many reports, in BM25 order, the word-match re-ranking looks at, at most.
    static func rerankDepth(_ limit: Int) -> Int { max(50, 3 * limit) }

    private func hit(for ranking: ReportRanking, terms: [SearchQuery.Term], _ db: Database) throws -> SearchHit {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT r.file, r.title, r.region, r.year, p.section, p.body
            FROM paragraphs p JOIN reports r ON r.report_id = p.report_id
            WHERE p.id = ?
            """, arguments: [ranking.bestParagraphId])
        else {
            throw SearchIndexError.databaseFailure(path: path, operation: "reading paragraph \(ranking.bestParagraphId)",
                                                   reason: "the paragraph matched but is missing from the paragraphs table")
        }
        return SearchHit(reportId: ranking.reportId, file: row["file"], title: row["title"], region: row["region"],
                         year: row["year"], section: row["section"],
                         snippet: SnippetBuilder.snippet(of: row["body"], terms: terms), score: ranking.score)
    }
}
