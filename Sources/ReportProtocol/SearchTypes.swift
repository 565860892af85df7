/// The indexer's result for one report: the data of `report.indexed`.
public struct IndexResult: Codable, Sendable, Equatable {
    /// Rows written to the index (one per paragraph).
    public var paragraphs: Int
    /// Characters of text indexed.
    public var characters: Int
    /// The index's schema version; a tokenizer change bumps it.
    public var indexSchema: Int

    public init(paragraphs: Int, characters: Int, indexSchema: Int) {
        self.paragraphs = paragraphs
        self.characters = characters
        self.indexSchema = indexSchema
    }
}

/// The input of the search service.
public struct SearchRequest: Codable, Sendable, Equatable {
    public var query: String
    public var limit: Int
    /// Only reports whose region contains this text (延庆 finds 延庆区).
    public var region: String?
    /// Only reports filed under this year (the year they plan for).
    public var year: Int?
    /// Only paragraphs in a section whose title, or whose top-level section's title, contains this text.
    public var section: String?

    public init(query: String, limit: Int = 20, region: String? = nil, year: Int? = nil, section: String? = nil) {
        self.query = query
        self.limit = limit
        self.region = region
        self.year = year
        self.section = section
    }
}

/// One report that matches, with its best paragraph as the snippet.
public struct SearchHit: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    public var title: String?
    public var region: String?
    public var year: Int?
    public var section: String?
    /// Readable text around the match, the match wrapped in 【 】.
    public var snippet: String
    /// Higher is better.
    public var score: Double

    public init(reportId: String, file: String, title: String?, region: String?, year: Int?,
                section: String?, snippet: String, score: Double) {
        self.reportId = reportId
        self.file = file
        self.title = title
        self.region = region
        self.year = year
        self.section = section
        self.snippet = snippet
        self.score = score
    }
}

public struct SearchResponse: Codable, Sendable, Equatable {
    public var query: String
    public var hits: [SearchHit]
    /// How many reports match in all, of which `hits` are the best; nil when the searcher did not
    /// count them (a section filter, or a searcher older than the field).
    public var total: Int?

    public init(query: String, hits: [SearchHit], total: Int? = nil) {
        self.query = query
        self.hits = hits
        self.total = total
    }
}
