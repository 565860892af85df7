import ReportProtocol

/// The figures a reader looks for first: for each headline indicator the parser found (the
/// catalogue's, not every quantity in the text), the first actual figure for the reviewed year
/// and the first target for the planned year. Reports state the
/// headline first (地区生产总值213亿元) and break it down later (其中…), so the first one is the
/// headline. A target the report says it does not set (not_stated) or gives only a direction
/// for is a statement too, and ranges travel in growth_pct/growth_pct_high.
enum IndicatorDigest {
    static func headline(of document: ParsedDocument) -> [Indicator] {
        var seen = Set<String>()
        func firsts(_ kind: Indicator.Kind, year: Int?) -> [Indicator] {
            document.indicators.filter { indicator in
                guard indicator.headline != false, indicator.kind == kind,
                      indicator.year == nil || year == nil || indicator.year == year,
                      indicator.value != nil || indicator.growthPct != nil || indicator.qualifier == .same
                        || indicator.notStated == true || indicator.direction != nil else { return false }
                return seen.insert("\(kind.rawValue) \(indicator.name)").inserted
            }
        }
        return firsts(.actual, year: document.reviewYear) + firsts(.target, year: document.planYear)
    }
}
