import ChineseText
import ReportProtocol

/// What a plan says about its targets beyond the figures: where the main target list starts
/// (主要预期目标是：…), the targets in it that point a way without a number (能耗下降,
/// 居民收入增长和经济增长同步), and a growth target the report says it does not set
/// (2020: 没有提出全年经济增速具体目标).
enum TargetStatements {
    /// The opening of the main target list. The rest of its paragraph is the list: the 2015
    /// and 2016 national reports go on past a full stop (…同步。能耗强度下降3.1%以上).
    /// `主要目标任务：` is how a report may head it (`提出了以下主要目标任务：城镇新增就业900万人以上…`).
    static let listCues = ["预期目标是", "预期目标为", "主要目标是", "主要目标为", "预期目标：", "主要目标：", "预期目标:",
                           "主要目标任务是", "主要目标任务："].map(\.scalarArray)

    static func listStart(in text: ScalarText) -> Int? {
        listCues.compactMap { text.find($0, in: 0..<text.count) }.min()
    }

    /// Saying no target is set: a negation, then (within the same clause) a growth word and 目标.
    static let negations = ["没有提出", "未提出", "不提出", "没有设定", "未设定", "不设定", "不再设定", "没有设置", "未设置",
                            "不设置", "没有确定", "未确定", "不设", "不定"].map(\.scalarArray)
    static let growthSubjects = ["经济增速", "经济增长", "生产总值", "GDP", "增长速度", "增速"].map(\.scalarArray)

    /// "我们没有提出全年经济增速具体目标": the GDP growth target is stated as none.
    static func statesNoGrowthTarget(_ text: ScalarText) -> Bool {
        for negation in negations {
            guard let at = text.find(negation, in: 0..<text.count) else { continue }
            var end = at + negation.count
            // The object of the negation: up to the clause's end, 目标 included.
            while end < text.count, !QuantityStatements.isSegmentBreak(text.s[end]), end - at < 24 { end += 1 }
            let object = (at + negation.count)..<end
            if let goal = text.find("目标".scalarArray, in: object),
               growthSubjects.contains(where: { text.find($0, in: (at + negation.count)..<goal) != nil }) {
                return true
            }
        }
        return false
    }

    static let inStepWords = ["同步"].map(\.scalarArray)
    static let fallWords = ["下降", "降低", "减少"].map(\.scalarArray)
    static let riseWords = ["增长", "提高", "提升", "增加"].map(\.scalarArray)
    static let adverbs = ["继续", "进一步", "持续", "稳步", "有所", "明显", "大幅", "逐步", "基本", "保持", "稳定", "平稳", "较快", "合理"].map(\.scalarArray)
    static let leadVerbs = ["努力实现", "力争实现", "实现", "力争", "确保", "推动", "促进", "保持"].map(\.scalarArray)

    /// The list's targets that give a direction and no number, one per name: in
    /// "单位国内生产总值能耗和主要污染物排放量继续下降" both fall. Segments with a digit are
    /// figures, read elsewhere.
    static func directions(in text: ScalarText, from start: Int) -> [(name: String, direction: Indicator.Direction)] {
        var result = [(name: String, direction: Indicator.Direction)]()
        var segmentStart = start
        for i in start...text.count {
            let isBreak = i == text.count || text.s[i] == "，" || text.s[i] == "," || text.s[i] == "；" || text.s[i] == "。"
                || text.s[i] == "：" || text.s[i] == ":"
            guard isBreak else { continue }
            let segment = segmentStart..<i
            segmentStart = i + 1
            guard !segment.isEmpty, !segment.contains(where: { ScalarClass.isASCIIDigit(text.s[$0]) }) else { continue }
            result += direction(in: text, segment)
        }
        return result
    }

    private static func direction(in text: ScalarText, _ segment: Range<Int>) -> [(name: String, direction: Indicator.Direction)] {
        let s = ScalarText(text.s[segment])
        var end = s.count
        if let step = inStepWords.first(where: { s.find($0, in: 0..<s.count) != nil }), let at = s.find(step, in: 0..<s.count) {
            // "居民收入增长和经济增长同步", "居民收入增速与经济增长基本同步", "全体居民人均可支配收入与
            // 地区生产总值保持同步增长": what keeps in step is named before the first 与/和/同,
            // without its own 增长/增速.
            guard let joiner = (0..<at).first(where: { s.s[$0] == "与" || s.s[$0] == "和" || s.s[$0] == "同" }) else { return [] }
            var end = joiner
            if let growth = ["增长", "增速"].map(\.scalarArray).first(where: { s.hasSuffix($0, endingAt: end) }) { end -= growth.count }
            guard let name = name(s, 0..<end) else { return [] }
            return [(name, .inStep)]
        }
        var direction: Indicator.Direction?
        for (words, way) in [(fallWords, Indicator.Direction.down), (riseWords, .up)] {
            if let word = words.first(where: { s.hasSuffix($0, endingAt: s.count) }) {
                end = s.count - word.count
                direction = way
                break
            }
        }
        guard let direction else { return [] }
        while let adverb = adverbs.first(where: { s.hasSuffix($0, endingAt: end) }) { end -= adverb.count }
        // Several names share the direction: 能耗、二氧化碳排放量进一步下降; 能耗和主要污染物排放量继续下降.
        var names = [(name: String, direction: Indicator.Direction)]()
        var from = 0
        for i in 0...end where i == end || s.s[i] == "、" || s.s[i] == "和" || s.s[i] == "及" {
            if let name = name(s, from..<i) { names.append((name, direction)) }
            from = i + 1
        }
        return names
    }

    private static func name(_ s: ScalarText, _ range: Range<Int>) -> String? {
        var start = range.lowerBound
        while let verb = leadVerbs.first(where: { s.matches($0, at: start) }), start + verb.count < range.upperBound { start += verb.count }
        return QuantityName.clean(s, start..<range.upperBound)
    }
}
