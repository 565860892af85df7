import ReportProtocol

/// The one name an indicator is paired under, whatever a report calls it, and which side of a
/// target counts as reaching it.
public enum IndicatorKey {
    /// Names that differ between reports for one measure. GDP's many names (国内生产总值,
    /// 全省生产总值, 经济总量, GDP…) come from `IndicatorNames`; the rest are the spellings the
    /// parser keeps as written in the national and provincial main target lists.
    static let aliases: [String: String] = [
        "能耗强度": "单位地区生产总值能耗",
        "单位国内生产总值能耗": "单位地区生产总值能耗",
        "单位生产总值能耗": "单位地区生产总值能耗",
        "居民收入": "居民人均可支配收入",
        "主要污染物排放量": "主要污染物排放",
    ]

    /// The key `name` is paired under.
    public static func of(_ name: String) -> String {
        let canonical = IndicatorNames.canonical(name)
        return aliases[canonical] ?? canonical
    }

    /// Measures where less is the aim: a target for them is a ceiling (居民消费价格涨幅3%左右 is
    /// met by 1.4%, as the State Council counted 2015), whatever its qualifier says of precision.
    static let ceilings: Set<String> = ["居民消费价格涨幅", "城镇调查失业率", "城镇登记失业率"]

    /// Whether reaching the target means coming in at or below its figure (true) or at or above
    /// it (false). Measures cut by a stated percentage (能耗下降3%, a negative figure) aim down.
    static func aimsAtMost(key: String, negativeFigure: Bool) -> Bool {
        ceilings.contains(key) || negativeFigure
    }
}
