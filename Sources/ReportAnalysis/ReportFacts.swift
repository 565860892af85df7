import Foundation
import ReportProtocol

/// What the analysis needs of one stored report: who, which years, which figures. Small and
/// plain so the store can rebuild it from its own rows without decoding whole documents.
public struct ReportFacts: Codable, Sendable, Equatable {
    public var reportId: String
    /// When the daemon took the file; the earlier copy wins a tie between duplicates.
    public var receivedAt: Date
    public var region: RegionRef
    /// The year the report reviews (2014 for the report given in March 2015).
    public var reviewYear: Int?
    /// The year the report plans for.
    public var planYear: Int?
    /// The report this one is a near-duplicate of (the daemon's `near_duplicate_of`), if any.
    public var nearDuplicateOf: String?
    /// How many of the eight metadata fields the parse found (title, region, review year, plan
    /// year, speaker, meeting date, level, session): one measure of how complete it is.
    public var metadataFieldCount: Int
    public var indicators: [IndicatorFact]
    /// How many figures, and headline figures, the report states in all, when `indicators` holds
    /// only some of them (a query reading one indicator's rows) or none (a copy read only to be
    /// counted once); nil when it holds every one.
    public var allFigures: FigureCount?

    public init(reportId: String, receivedAt: Date, region: RegionRef, reviewYear: Int?, planYear: Int?,
                nearDuplicateOf: String? = nil, metadataFieldCount: Int, indicators: [IndicatorFact],
                allFigures: FigureCount? = nil) {
        self.reportId = reportId
        self.receivedAt = receivedAt
        self.region = region
        self.reviewYear = reviewYear
        self.planYear = planYear
        self.nearDuplicateOf = nearDuplicateOf
        self.metadataFieldCount = metadataFieldCount
        self.indicators = indicators
        self.allFigures = allFigures
    }

    /// Every figure the report states, and those of them that are headline figures.
    public var figureCount: FigureCount {
        allFigures ?? FigureCount(headline: indicators.filter(\.headline).count, total: indicators.count)
    }

    /// How complete the parse is, compared in this order: headline figures found, then metadata
    /// fields, then figures of any kind. A copy cut short or stripped of its opening loses on the
    /// first two; a web page with the same text ties and falls to the earlier copy.
    public var completeness: Completeness {
        Completeness(headlineIndicators: figureCount.headline, metadataFields: metadataFieldCount, indicators: figureCount.total)
    }

    public struct FigureCount: Codable, Sendable, Equatable {
        public var headline: Int
        public var total: Int

        public init(headline: Int, total: Int) {
            self.headline = headline
            self.total = total
        }
    }

    public struct Completeness: Comparable, Sendable {
        public var headlineIndicators: Int
        public var metadataFields: Int
        public var indicators: Int

        public static func < (a: Self, b: Self) -> Bool {
            (a.headlineIndicators, a.metadataFields, a.indicators) < (b.headlineIndicators, b.metadataFields, b.indicators)
        }
    }
}

/// One figure of a report, with where it stands: what a target or an actual is made of.
public struct IndicatorFact: Codable, Sendable, Equatable {
    /// The name as the parser stored it.
    public var name: String
    /// The name it is paired under (`IndicatorKey.of(name)`).
    public var key: String
    public var kind: Indicator.Kind
    public var year: Int?
    public var value: Double?
    public var valueHigh: Double?
    public var valueQualifier: Indicator.Qualifier?
    public var unit: String?
    /// Percent; negative for 下降.
    public var growthPct: Double?
    public var growthPctHigh: Double?
    public var qualifier: Indicator.Qualifier?
    public var estimated: Bool
    public var notStated: Bool
    public var direction: Indicator.Direction?
    /// "target_list", "review", "plan", "body", or nil from parsers before issue 12.
    public var source: String?
    public var headline: Bool
    /// Index of the paragraph the figure's sentence stands in, when it was found.
    public var paragraph: Int?
    public var evidence: String
    /// Title of the top-level section the figure stands in (`Indicator.section`).
    public var section: String?

    public init(name: String, kind: Indicator.Kind, year: Int?, value: Double? = nil, valueHigh: Double? = nil,
                valueQualifier: Indicator.Qualifier? = nil, unit: String? = nil, growthPct: Double? = nil,
                growthPctHigh: Double? = nil, qualifier: Indicator.Qualifier? = nil, estimated: Bool = false,
                notStated: Bool = false, direction: Indicator.Direction? = nil, source: String? = nil,
                headline: Bool = true, paragraph: Int? = nil, evidence: String = "", section: String? = nil) {
        self.name = name
        self.key = IndicatorKey.of(name)
        self.kind = kind
        self.year = year
        self.value = value
        self.valueHigh = valueHigh
        self.valueQualifier = valueQualifier
        self.unit = unit
        self.growthPct = growthPct
        self.growthPctHigh = growthPctHigh
        self.qualifier = qualifier
        self.estimated = estimated
        self.notStated = notStated
        self.direction = direction
        self.source = source
        self.headline = headline
        self.paragraph = paragraph
        self.evidence = evidence
        self.section = section
    }
}
