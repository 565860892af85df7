/// How `reportctl trend` groups the indexed reports.
public enum TrendGrouping: String, Codable, Sendable, CaseIterable {
    /// By the year a report is filed under (the year it plans for).
    case year
    /// By the region the parser named (北京市延庆区 and 延庆区 are two regions if reports name them so).
    case region
    /// By the region's level: province, city, district, county.
    case level
}

/// The input of the search service for `trend`: how often `phrase` occurs across the indexed reports.
public struct TrendRequest: Codable, Sendable, Equatable {
    /// Found as a search term is: every place the text has its characters in a row, whitespace
    /// ignored, in either script.
    public var phrase: String
    public var by: TrendGrouping

    public init(phrase: String, by: TrendGrouping = .year) {
        self.phrase = phrase
        self.by = by
    }
}

/// One group of reports (a year, a region or a level) and how often the phrase occurs in it.
public struct TrendGroup: Codable, Sendable, Equatable {
    /// The year, region or level; nil for the reports that do not state it.
    public var key: String?
    /// Indexed reports in the group, with the phrase or without.
    public var reports: Int
    /// Of those, the reports that hold the phrase at least once.
    public var reportsWith: Int
    /// Every place the phrase occurs in the group's reports (overlapping places each count).
    public var occurrences: Int
    /// The group's reports' indexed text, in characters (Unicode scalars of their paragraphs).
    public var characters: Int
    /// occurrences ÷ characters × 10,000; 0 for a group without text.
    public var perTenThousand: Double

    public init(key: String?, reports: Int, reportsWith: Int, occurrences: Int, characters: Int) {
        self.key = key
        self.reports = reports
        self.reportsWith = reportsWith
        self.occurrences = occurrences
        self.characters = characters
        perTenThousand = characters > 0 ? Double(occurrences) * 10_000 / Double(characters) : 0
    }
}

/// A report the phrase occurs in, named for `first` and `last`.
public struct TrendAppearance: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    public var title: String?
    public var region: String?
    public var year: Int?
    public var occurrences: Int

    public init(reportId: String, file: String, title: String?, region: String?, year: Int?, occurrences: Int) {
        self.reportId = reportId
        self.file = file
        self.title = title
        self.region = region
        self.year = year
        self.occurrences = occurrences
    }
}

/// The answer to a `TrendRequest`.
public struct TrendResponse: Codable, Sendable, Equatable {
    public var phrase: String
    public var by: TrendGrouping
    /// Every group of indexed reports, in order: years ascending, regions by name, levels from
    /// province down; the group without a key last.
    public var groups: [TrendGroup]
    /// All indexed reports together (`key` nil).
    public var total: TrendGroup
    /// The report of the earliest year holding the phrase (ties: the one holding it most, then
    /// by report id); nil when no report with a year holds it.
    public var first: TrendAppearance?
    /// The report of the latest year holding the phrase, ties as for `first`.
    public var last: TrendAppearance?
    /// The group where the phrase is densest (per 10,000 characters; ties: the earlier group);
    /// nil when it occurs nowhere.
    public var peak: TrendGroup?

    public init(phrase: String, by: TrendGrouping, groups: [TrendGroup], total: TrendGroup,
                first: TrendAppearance?, last: TrendAppearance?, peak: TrendGroup?) {
        self.phrase = phrase
        self.by = by
        self.groups = groups
        self.total = total
        self.first = first
        self.last = last
        self.peak = peak
    }
}

/// What a job of the `search` service asks: a search (its input is the `SearchRequest` itself,
/// as it always was) or a trend (`{"trend": TrendRequest}`), so that `trend` reaches the searcher
/// through the service and routing `search` already has.
public enum SearchServiceJob: Codable, Sendable, Equatable {
    case search(SearchRequest)
    case trend(TrendRequest)

    private enum Keys: String, CodingKey {
        case trend
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.trend) {
            self = .trend(try container.decode(TrendRequest.self, forKey: .trend))
        } else {
            self = .search(try SearchRequest(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .search(let request):
            try request.encode(to: encoder)
        case .trend(let request):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(request, forKey: .trend)
        }
    }
}
