import ReportProtocol

/// A headline amount's level and growth rate stated apart: "全市生产总值增长5%，城市经济规模
/// 进入了5万亿元以上的新阶段", or "…达到5.67万亿元。比上年增长5%". They are one figure when
/// they are the same indicator, kind and year, in one paragraph, in the same or the next
/// sentence, and one gives only the level and the other only the rate; anything further apart
/// (a five-year review's level beside the last year's rate) stays as stated.
enum LevelAndGrowth {
    static func joined(_ found: [(indicator: Indicator, sentence: Int)]) -> [Indicator] {
        var result = found
        var removed = Set<Int>()
        for a in result.indices where !removed.contains(a) {
            for b in result.indices where b > a && !removed.contains(b) {
                guard belongTogether(result[a], result[b]) else { continue }
                result[a].indicator = merged(result[a].indicator, result[b].indicator)
                removed.insert(b)
                break
            }
        }
        return result.indices.filter { !removed.contains($0) }.map { result[$0].indicator }
    }

    /// Across paragraphs, within one top-level section: a headline level stated alone and the
    /// same indicator's rate stated alone, of one kind and year (2018: "国内生产总值从54万亿元增加
    /// 到82.7万亿元" in the five-year review, "国内生产总值增长6.9%" in 2017's paragraph of it),
    /// when the section holds no other level or rate of it that would make the pairing a guess.
    static func joinedInSections(_ indicators: [Indicator]) -> [Indicator] {
        var result = indicators
        var removed = Set<Int>()
        for a in result.indices where result[a].headline == true && result[a].notStated == nil {
            let same = result.indices.filter { b in
                !removed.contains(b) && result[b].headline == true && result[b].notStated == nil && result[b].name == result[a].name
                    && result[b].kind == result[a].kind && result[b].year == result[a].year && result[b].section == result[a].section
                    && result[b].section != nil
            }
            let levels = same.filter { isLevelOnly(result[$0]) }, rates = same.filter { isRateOnly(result[$0]) }
            guard same.count == 2, levels.count == 1, rates.count == 1, same.first == a, let other = same.last else { continue }
            result[a] = merged(result[a], result[other])
            removed.insert(other)
        }
        return result.indices.filter { !removed.contains($0) }.map { result[$0] }
    }

    /// A level stated alone that a fuller statement of the same figure repeats, with its rate, in
    /// the same top-level section: a term report's "从8.59万亿元增加到12.29万亿元" and its last
    /// year's "全省地区生产总值达12.29万亿元，增长2.8%". It is one figure; the fuller statement stays,
    /// so the first figure a consumer sees carries the rate.
    static func withoutRestatedLevels(_ indicators: [Indicator]) -> [Indicator] {
        indicators.filter { level in
            guard level.headline == true, isLevelOnly(level), level.section != nil else { return true }
            return !indicators.contains { full in
                full.name == level.name && full.kind == level.kind && full.year == level.year && full.section == level.section
                    && full.value == level.value && full.unit == level.unit && full.valueHigh == level.valueHigh
                    && full.growthPct != nil
                    && full.valueQualifier == (level.valueQualifier ?? level.qualifier)
            }
        }
    }

    static func belongTogether(_ a: (indicator: Indicator, sentence: Int), _ b: (indicator: Indicator, sentence: Int)) -> Bool {
        let x = a.indicator, y = b.indicator
        guard x.headline == true, y.headline == true, x.name == y.name, x.kind == y.kind, x.year == y.year,
              x.notStated == nil, y.notStated == nil, abs(a.sentence - b.sentence) <= 1 else { return false }
        return (isLevelOnly(x) && isRateOnly(y)) || (isRateOnly(x) && isLevelOnly(y))
    }

    private static func isLevelOnly(_ i: Indicator) -> Bool { i.value != nil && i.growthPct == nil }
    private static func isRateOnly(_ i: Indicator) -> Bool { i.value == nil && i.growthPct != nil }

    static func merged(_ a: Indicator, _ b: Indicator) -> Indicator {
        let (level, rate) = isLevelOnly(a) ? (a, b) : (b, a)
        var result = a
        result.value = level.value
        result.valueHigh = level.valueHigh
        result.unit = level.unit
        result.valueQualifier = level.valueQualifier ?? level.qualifier
        result.growthPct = rate.growthPct
        result.growthPctHigh = rate.growthPctHigh
        result.qualifier = rate.qualifier
        if a.estimated == true || b.estimated == true { result.estimated = true }
        if a.evidence != b.evidence { result.evidence = a.evidence + b.evidence }
        return result
    }
}
