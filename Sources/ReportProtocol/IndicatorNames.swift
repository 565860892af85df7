/// The names one indicator goes by across levels of government. The parser names GDP
/// 地区生产总值 whatever the report calls it; a user asking for 国内生产总值 or GDP means it too.
public enum IndicatorNames {
    public static let gdp = "地区生产总值"
    public static let gdpSynonyms: Set<String> = [
        "地区生产总值", "国内生产总值", "全省生产总值", "全市生产总值", "全区生产总值", "全县生产总值",
        "全州生产总值", "全盟生产总值", "全旗生产总值", "生产总值", "经济总量", "经济规模", "GDP",
    ]

    /// The name the parser stores for `name`: 地区生产总值 for any of GDP's names, else `name`.
    public static func canonical(_ name: String) -> String {
        gdpSynonyms.contains(name) || gdpSynonyms.contains(name.uppercased()) ? gdp : name
    }
}
