import GRDB
import ReportProtocol

extension SearchIndex {
    /// Reports matching `request.query`, best first, at most `request.limit` of them, each
    /// with its best paragraph's section and a snippet around the match.
    /// Throws `SearchIndexError.nothingToSearch` when the query holds nothing to look for.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let query = SearchQuery(parsing: request.query)
        guard let match = MatchExpression(query) else {
            throw SearchIndexError.nothingToSearch(query: request.query)
        }
        guard request.limit > 0 else { return SearchResponse(query: request.query, hits: []) }
        let hits = try read("searching \"\(request.query)\"") { db in
            let best = ReportRanking.ordered(try Self.rankings(matching: match, db)).prefix(request.limit)
            return try best.map { try self.hit(for: $0, terms: query.positiveTerms, db) }
        }
        return SearchResponse(query: request.query, hits: hits)
    }

    /// Every matching report with its best paragraph among those holding a positive term.
    /// MATERIALIZED keeps bm25() in the FTS5 query itself, the only place SQLite allows it.
    /// Only expressions built by `MatchExpression` are bound, never user text as SQL.
    private static func rankings(matching match: MatchExpression, _ db: Database) throws -> [ReportRanking] {
        let reportsMatching = """
            SELECT p.report_id FROM paragraph_fts f JOIN paragraphs p ON p.id = f.rowid
            WHERE paragraph_fts MATCH ?
            """
        var filters = match.requiredGroups.map { _ in "report_id IN (\(reportsMatching))" }
        var arguments: [String] = [match.anyPositive] + match.requiredGroups
        if let excluded = match.excluded {
            filters.append("report_id NOT IN (\(reportsMatching))")
            arguments.append(excluded)
        }
        let rows = try Row.fetchAll(db, sql: """
            WITH hits AS MATERIALIZED (
                SELECT rowid AS id, bm25(paragraph_fts) AS rank
                FROM paragraph_fts WHERE paragraph_fts MATCH ?
            ),
            per_report AS (
                SELECT p.report_id, p.id AS paragraph_id, MIN(h.rank) AS best, COUNT(*) AS matches
                FROM hits h JOIN paragraphs p ON p.id = h.id
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
