/// A plan-year target with what became of it.
public struct TargetOutcome: Codable, Sendable, Equatable {
    public var region: RegionRef
    /// The year the target was set for.
    public var year: Int
    /// The indicator's key (`IndicatorKey.of`), e.g. 地区生产总值.
    public var indicator: String
    public var target: FigureRef
    /// The figure from the review of the report whose review year is `year`.
    public var actual: FigureRef?
    /// The year's figure as other reports restate it later (a five-year review, the year after
    /// next), for showing beside the verdict; never what the verdict is decided on.
    public var revised: [FigureRef]
    public var verdict: Verdict
    /// `VerdictRules.difference`: how far above (+) or below (−) the target's figure the actual
    /// came, met or not.
    public var difference: Double?
}

/// One figure and where it came from.
public struct FigureRef: Codable, Sendable, Equatable {
    public var reportId: String
    /// Copies of that report (its duplicate group's other members), counted once through it.
    public var copies: [String]
    public var paragraph: Int?
    public var figure: IndicatorFact
}
