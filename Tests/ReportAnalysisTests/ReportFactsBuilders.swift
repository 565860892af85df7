import Foundation
import ReportAnalysis

/// Small hand-made reports for the pairing and grouping tests.
enum Build {
    static let guangdong = RegionRef(code: "440000", name: "广东省", level: "province")

    static func report(_ id: String, _ region: RegionRef, review: Int?, plan: Int?, day: Int = 0, metadata: Int = 8,
                       nearDuplicateOf: String? = nil, _ indicators: [IndicatorFact]) -> ReportFacts {
        ReportFacts(reportId: id, receivedAt: Date(timeIntervalSince1970: Double(day) * 86_400), region: region,
                    reviewYear: review, planYear: plan, nearDuplicateOf: nearDuplicateOf,
                    metadataFieldCount: metadata, indicators: indicators)
    }

    static func gdpTarget(_ year: Int, _ growth: Double, paragraph: Int = 40) -> IndicatorFact {
        IndicatorFact(name: "地区生产总值", kind: .target, year: year, growthPct: growth, qualifier: .about,
                      source: "target_list", paragraph: paragraph)
    }

    static func gdpActual(_ year: Int, _ growth: Double, name: String = "地区生产总值", source: String? = "review",
                          estimated: Bool = false, paragraph: Int = 3) -> IndicatorFact {
        IndicatorFact(name: name, kind: .actual, year: year, growthPct: growth, estimated: estimated, source: source, paragraph: paragraph)
    }
}
