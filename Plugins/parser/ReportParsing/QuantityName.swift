import ChineseText

/// The name of a figure from the words before it: 全年接待游客 → 接待游客,
/// 空气质量优良天数达到 → 空气质量优良天数. Verbs that only lead to the figure are trimmed
/// on both sides; what remains must read like a measure (3–18 characters, two Han at least,
/// nothing about meetings or documents), else there is no name and no indicator.
enum QuantityName {
    static func clean(_ text: ScalarText, _ range: Range<Int>) -> String? {
        guard range.lowerBound < range.upperBound else { return nil }
        var s = Array(text.s[range])
        // "…的农村居民收入": only what follows the last 的 (or 了: 有力服务了86个) names the figure.
        if let de = s.lastIndex(where: { $0 == "的" || $0 == "了" }) { s = Array(s[(de + 1)...]) }
        var changed = true
        while changed {
            changed = false
            while let first = s.first, !isNameScalar(first) { s.removeFirst(); changed = true }
            while let last = s.last, !isNameScalar(last) { s.removeLast(); changed = true }
            if stripYearPrefix(&s) { changed = true }
            // "…、和食品企业34家": a list's joining word opens no name.
            if let first = s.first, danglingEnds.contains(first) { s.removeFirst(); changed = true }
            if let p = leading.first(where: { s.starts(with: $0) }) { s.removeFirst(p.count); changed = true }
            if let t = trailing.first(where: { s.count >= $0.count && s[(s.count - $0.count)...].elementsEqual($0) }) {
                s.removeLast(t.count)
                changed = true
            }
        }
        // "华源泰盟等5家", "入境人员和1400名": the end of a list, not a measure's name.
        if let last = s.last, danglingEnds.contains(last) { return nil }
        guard (3...18).contains(s.count), s.filter(ScalarClass.isHan).count >= 2,
              !excluded.contains(where: { contains(s, $0) }) else { return nil }
        return String(String.UnicodeScalarView(s))
    }

    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        ScalarClass.isHan(c) || ScalarClass.isASCIILetter(c) || ScalarClass.isASCIIDigit(c) || c == "."
    }

    /// "2022年" or "2022年底" at the start: when, not what.
    private static func stripYearPrefix(_ s: inout [Unicode.Scalar]) -> Bool {
        guard s.count > 5, s[0..<4].allSatisfy(ScalarClass.isASCIIDigit), s[4] == "年" else { return false }
        s.removeFirst(5)
        return true
    }

    private static func contains(_ s: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard s.count >= needle.count else { return false }
        for i in 0...(s.count - needle.count) where s[i] == needle[0] && s[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    /// Words around a name that only lead to its figure; a name made of nothing else (同比,
    /// 比上年) is no name.
    static let leading = [
        "全年", "全区", "全县", "全市", "全镇", "全省", "实现", "完成", "累计", "其中", "首次", "共计", "共", "今年", "去年",
        "上年", "当年", "年末", "年底", "年内", "力争", "确保", "预计", "比上年", "同比", "我区", "我县", "我市",
        "同口径", "按不变价计算", "按可比价计算", "在全市", "在全区", "在全国",
    ].map(\.scalarArray)
    static let trailing = [
        "比上年", "比去年", "较上年", "同比", "年均", "分别", "达到", "达", "为", "实现", "完成", "突破", "超过", "超", "约", "近",
        "逾", "控制在", "保持在", "累计", "共", "首次", "提高到", "提高", "提升至", "提升到", "提升", "下降到", "降至", "降到",
        "增至", "增加到", "增加", "增长", "下降", "减少", "减少到", "由", "至", "到", "在", "总数", "分别达到", "全年", "以上", "预计",
        "率先", "已", "均", "已达", "保持",
    ].map(\.scalarArray).sorted { $0.count > $1.count }
    static let danglingEnds: Set<Unicode.Scalar> = ["等", "和", "及", "与", "或"]
    static let excluded = [
        "会议", "文件", "建议", "提案", "议案", "报告", "讲话", "批示", "以下", "如下", "方面", "届", "第", "代表", "委员", "时间",
    ].map(\.scalarArray)
}
