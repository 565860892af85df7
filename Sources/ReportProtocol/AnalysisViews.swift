/// The `data` of the cross-report commands (`track`, `series`, `get` with `cite`) and of the
/// `target.resolved` event: flat wire shapes, so a client needs no analysis library to read them.
/// docs/PROTOCOL.md shows each as JSON; docs/ANALYSIS.md says how the rows are decided.

/// `track`: one indicator's targets against their outcomes, a row per region and year.
public struct TrackView: Codable, Sendable, Equatable {
    /// The indicator's key, every name of it paired as one (国内生产总值 asks for 地区生产总值).
    public var indicator: String
    public var rows: [TargetRow]

    public init(indicator: String, rows: [TargetRow]) {
        self.indicator = indicator
        self.rows = rows
    }
}

/// A plan-year target and what became of it: a `track` row, a `series` row with a target, and
/// the data of a `target.resolved` event.
public struct TargetRow: Codable, Sendable, Equatable {
    public var region: String
    public var regionCode: String?
    public var regionLevel: String?
    /// The year the target was set for.
    public var year: Int
    public var indicator: String
    /// Nil in a `series` row for a year no stored report planned.
    public var target: FigureView?
    /// From the review of the report whose review year is `year`.
    public var actual: FigureView?
    /// The year's figure as later reports restate it: shown, never judged on.
    public var revised: [FigureView]
    /// met, missed, not_stated, pending, no_actual; nil in a `series` row without a target.
    public var verdict: String?
    /// How far short of the target a `missed` actual fell, always positive, in `gap_unit`.
    public var gap: Double?
    /// "points" for percentages, else the target's unit (万人).
    public var gapUnit: String?
    /// The actual minus the figure it was judged against, signed, met or not.
    public var difference: Double?
    /// "missed by 1.1 points", "met", "pending".
    public var verdictText: String?

    public init(region: String, regionCode: String?, regionLevel: String?, year: Int, indicator: String,
                target: FigureView?, actual: FigureView?, revised: [FigureView], verdict: String?, gap: Double?,
                gapUnit: String?, difference: Double?, verdictText: String?) {
        self.region = region
        self.regionCode = regionCode
        self.regionLevel = regionLevel
        self.year = year
        self.indicator = indicator
        self.target = target
        self.actual = actual
        self.revised = revised
        self.verdict = verdict
        self.gap = gap
        self.gapUnit = gapUnit
        self.difference = difference
        self.verdictText = verdictText
    }
}

/// One figure with the report and paragraph it came from.
public struct FigureView: Codable, Sendable, Equatable {
    public var reportId: String
    /// Other stored copies of that report (its duplicate group), counted once through this one;
    /// the first `copy_limit` of them when the request set one.
    public var copies: [String]
    /// How many other copies are stored, named in `copies` or not. Absent from daemons before
    /// `copy_limit` and from the `target.resolved` events they stored: `copies` names every copy
    /// there, which `storedCopies` reads.
    public var copyCount: Int?
    /// How many other copies are stored, from whichever daemon.
    public var storedCopies: Int { copyCount ?? copies.count }
    /// Index of the paragraph in the report's parsed document, from 0.
    public var paragraph: Int?
    public var name: String
    public var value: Double?
    public var valueHigh: Double?
    public var unit: String?
    public var growthPct: Double?
    public var growthPctHigh: Double?
    public var qualifier: Indicator.Qualifier?
    public var valueQualifier: Indicator.Qualifier?
    public var direction: Indicator.Direction?
    public var estimated: Bool
    public var notStated: Bool
    /// The sentence the figure was read from.
    public var evidence: String

    public init(reportId: String, copies: [String], copyCount: Int? = nil, paragraph: Int?, name: String, value: Double?, valueHigh: Double?,
                unit: String?, growthPct: Double?, growthPctHigh: Double?, qualifier: Indicator.Qualifier?,
                valueQualifier: Indicator.Qualifier?, direction: Indicator.Direction?, estimated: Bool, notStated: Bool,
                evidence: String) {
        self.reportId = reportId
        self.copies = copies
        self.copyCount = copyCount ?? copies.count
        self.paragraph = paragraph
        self.name = name
        self.value = value
        self.valueHigh = valueHigh
        self.unit = unit
        self.growthPct = growthPct
        self.growthPctHigh = growthPctHigh
        self.qualifier = qualifier
        self.valueQualifier = valueQualifier
        self.direction = direction
        self.estimated = estimated
        self.notStated = notStated
        self.evidence = evidence
    }
}

/// `series`: one region's headline figures year by year.
public struct SeriesView: Codable, Sendable, Equatable {
    /// The region as asked for.
    public var region: String
    /// The indicator's key when one was asked for.
    public var indicator: String?
    public var rows: [TargetRow]

    public init(region: String, indicator: String?, rows: [TargetRow]) {
        self.region = region
        self.indicator = indicator
        self.rows = rows
    }
}

/// `get` with `cite`: every figure of one report with its sentence and paragraph, for quoting.
public struct CiteView: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    public var title: String?
    public var region: String?
    public var figures: [CitedFigure]

    public init(reportId: String, file: String, title: String?, region: String?, figures: [CitedFigure]) {
        self.reportId = reportId
        self.file = file
        self.title = title
        self.region = region
        self.figures = figures
    }
}

public struct CitedFigure: Codable, Sendable, Equatable {
    public var name: String
    public var kind: Indicator.Kind
    public var year: Int?
    public var value: Double?
    public var unit: String?
    public var growthPct: Double?
    public var qualifier: Indicator.Qualifier?
    /// Index of the paragraph, from 0 (reportctl prints it from 1, as a reader counts).
    public var paragraph: Int?
    /// Unicode scalar offsets of the sentence in that paragraph (as `SentenceSpan`), when found.
    public var start: Int?
    public var end: Int?
    public var sentence: String

    public init(name: String, kind: Indicator.Kind, year: Int?, value: Double?, unit: String?, growthPct: Double?,
                qualifier: Indicator.Qualifier?, paragraph: Int?, start: Int?, end: Int?, sentence: String) {
        self.name = name
        self.kind = kind
        self.year = year
        self.value = value
        self.unit = unit
        self.growthPct = growthPct
        self.qualifier = qualifier
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.sentence = sentence
    }
}
