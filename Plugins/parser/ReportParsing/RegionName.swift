import ChineseText

/// The region's full name (北京市延庆区) and administrative level. The full form is taken
/// from the text as written ("北京市延庆区…"); when the text never writes it out, the
/// province-level unit the text names most often ("北京市" eighteen times) encloses the region.
struct RegionName {
    var full: String?
    var level: String?

    /// Province-level units, whose names a district's report repeats.
    static let provinceLevel = [
        "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
        "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
        "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区",
        "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    ]

    init(region: String?, paragraphs: [String]) {
        guard let region else { return }
        level = Self.level(of: region)
        if Self.provinceLevel.contains(region) { full = region; return }
        full = Self.writtenOut(region, in: paragraphs) ?? Self.enclosingProvince(of: region, in: paragraphs)
    }

    static func level(of region: String) -> String? {
        if provinceLevel.contains(region) || region.hasSuffix("省") || region.hasSuffix("自治区") { return "province" }
        switch region.unicodeScalars.last {
        case "区", "區": return "district"
        case "县", "縣", "旗": return "county"
        case "市": return "city"
        default: return nil
        }
    }

    /// "北京市延庆区": the region preceded by a name ending in 市 or 省 (up to 8 characters).
    static func writtenOut(_ region: String, in paragraphs: [String]) -> String? {
        let needle = region.scalarArray
        var counts = [String: Int]()
        for paragraph in paragraphs {
            let text = ScalarText(paragraph)
            var from = 0
            while let hit = text.find(needle, in: from..<text.count) {
                from = hit + needle.count
                guard hit > 0, text.s[hit - 1] == "市" || text.s[hit - 1] == "省" else { continue }
                var start = hit - 1
                while start > 0, hit - start < 8, ScalarClass.isHan(text.s[start - 1]) { start -= 1 }
                // The longest known enclosing name that ends right before the region.
                let before = text.string(start..<hit)
                if let enclosing = provinceLevel.first(where: { before.hasSuffix($0) }) ?? shortCityName(before) {
                    counts[enclosing + region, default: 0] += 1
                }
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// "…在杭州市" → 杭州市: the two or three characters before 市.
    static func shortCityName(_ before: String) -> String? {
        let s = before.scalarArray
        guard s.last == "市", s.count >= 3 else { return nil }
        return ScalarText(s[(s.count - 3)...]).string(0..<3)
    }

    static func enclosingProvince(of region: String, in paragraphs: [String]) -> String? {
        let text = ScalarText(paragraphs.joined(separator: "\n"))
        let counts = zip(provinceLevel, text.occurrences(of: provinceLevel.map(\.scalarArray)))
        guard let best = counts.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), best.1 >= 3 else { return nil }
        return best.0 + region
    }
}
