import ChineseText
import Foundation
import ReportProtocol

extension ReportFacts {
    /// The facts of a parsed report. `region` overrides what the document says (the store may
    /// know the code); without it, a report that speaks for the State Council (我代表国务院) is
    /// the national one.
    public init(document d: ParsedDocument, reportId: String, receivedAt: Date,
                nearDuplicateOf: String? = nil, region: RegionRef? = nil) {
        let metadata: [Any?] = [d.title, d.region, d.reviewYear, d.planYear, d.speaker, d.meetingDate, d.regionLevel, d.session]
        self.init(reportId: reportId, receivedAt: receivedAt,
                  region: region ?? Self.region(of: d),
                  reviewYear: d.reviewYear, planYear: d.planYear, nearDuplicateOf: nearDuplicateOf,
                  metadataFieldCount: metadata.filter { $0 != nil }.count,
                  indicators: d.indicators.map { IndicatorFact($0, paragraph: Self.paragraph(of: $0.evidence, in: d.paragraphs)) })
    }

    static func region(of d: ParsedDocument) -> RegionRef {
        // Only the Premier reports for the State Council (我代表国务院，向大会报告政府工作); the
        // parser reads regions below the nation only, so this is decided here, in the opening.
        if d.region == RegionRef.national.name || d.paragraphs.prefix(20).contains(where: { $0.containsBytes(of: "代表国务院") }) {
            return .national
        }
        return RegionRef(name: d.region, fullName: d.regionFull, level: d.regionLevel)
    }

    /// The first paragraph holding the evidence, or its first sentence: the parser joins a
    /// level and a rate read from two sentences, or two paragraphs, into one evidence string.
    static func paragraph(of evidence: String, in paragraphs: [String]) -> Int? {
        if let whole = paragraphs.firstIndex(where: { $0.containsBytes(of: evidence) }) { return whole }
        let end = evidence.firstIndex { "。！？；".contains($0) }.map { evidence.index(after: $0) } ?? evidence.endIndex
        let first = String(evidence[..<end])
        return first.isEmpty ? nil : paragraphs.firstIndex { $0.containsBytes(of: first) }
    }
}

extension IndicatorFact {
    public init(_ i: Indicator, paragraph: Int?) {
        self.init(name: i.name, kind: i.kind, year: i.year, value: i.value, valueHigh: i.valueHigh,
                  valueQualifier: i.valueQualifier, unit: i.unit, growthPct: i.growthPct, growthPctHigh: i.growthPctHigh,
                  qualifier: i.qualifier, estimated: i.estimated ?? false, notStated: i.notStated ?? false,
                  direction: i.direction, source: i.source, headline: i.headline ?? true,
                  paragraph: paragraph, evidence: i.evidence, section: i.section)
    }
}

extension Indicator {
    /// The figure as the parsed document held it, from its facts: `estimated` and `not_stated`
    /// are absent unless true, as the parser writes them; `headline` is true where a parser
    /// before issue 4 said nothing.
    public init(_ f: IndicatorFact) {
        self.init(name: f.name, kind: f.kind, value: f.value, unit: f.unit, growthPct: f.growthPct, qualifier: f.qualifier,
                  year: f.year, section: f.section, evidence: f.evidence)
        headline = f.headline
        growthPctHigh = f.growthPctHigh
        valueHigh = f.valueHigh
        valueQualifier = f.valueQualifier
        estimated = f.estimated ? true : nil
        notStated = f.notStated ? true : nil
        direction = f.direction
        source = f.source
    }
}
