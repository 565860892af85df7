import ChineseText

/// Every other quantitative statement in a clause: a figure with a unit (接待游客1000万人次,
/// 空气质量优良天数达到300天) or a growth percentage (新增就业增长5%), named by the words
/// before it in the same comma-delimited segment. Figures already read for a catalogued
/// indicator (`taken`) are left alone, and anything that is not clearly a measure of the
/// economy or society — dates, ordinals, counts of meetings or documents, a figure without a
/// name — is dropped rather than guessed at.
struct QuantityStatements {
    let text: ScalarText

    func read(clause: Range<Int>, taken: [Range<Int>]) -> [(String, FigureReader.Figures)] {
        var result = [(String, FigureReader.Figures)]()
        var nameStart = clause.lowerBound
        var i = clause.lowerBound
        while i < clause.upperBound {
            let c = text.s[i]
            if Self.isSegmentBreak(c) {
                nameStart = i + 1
                i += 1
                continue
            }
            guard ScalarClass.isASCIIDigit(c), !isInsideToken(at: i), let (number, end) = text.number(at: i) else { i += 1; continue }
            if taken.contains(where: { $0.contains(i) }) || isOrdinal(at: i) {
                i = end
                nameStart = end
                continue
            }
            let reader = FigureReader(text: text, span: clause)
            if let percent = reader.percent(at: i) {
                let after = percent.end
                if let growth = growthWord(before: i, from: nameStart) {
                    let name = QuantityName.clean(text, nameStart..<growth.start)
                    let pct = growth.sign * percent.low
                    let high = percent.high.map { growth.sign * $0 }
                    let qualifier = high != nil ? .range : reader.qualifier(before: growth.numberStart, after: after)
                    if let name {
                        result.append((name, .init(value: nil, unit: nil, growthPct: pct, qualifier: qualifier, growthPctHigh: high, start: i)))
                    } else if let last = result.indices.last, result[last].1.growthPct == nil {
                        // "接待游客1000万人次，增长6%": the growth of the figure just read.
                        result[last].1.growthPct = pct
                        result[last].1.growthPctHigh = high
                        if result[last].1.qualifier == nil || high != nil { result[last].1.qualifier = qualifier }
                    }
                } else if let name = QuantityName.clean(text, nameStart..<i) {
                    let qualifier = percent.high != nil ? .range : reader.qualifier(before: i, after: after)
                    result.append((name, .init(value: percent.low, unit: "%", growthPct: nil, qualifier: qualifier, valueHigh: percent.high, start: i)))
                }
                i = after
                nameStart = after
                continue
            }
            // 400余名, 300多家: an approximate count, read as "over".
            let roughly = end < clause.upperBound && (text.s[end] == "余" || text.s[end] == "多")
            let unitStart = roughly ? end + 1 : end
            guard let unit = Self.units.first(where: { text.matches($0, at: unitStart) }),
                  unitStart + unit.count <= clause.upperBound,
                  !Self.notMeasures.contains(where: { text.matches($0, at: unitStart + unit.count) }) else {
                i = end
                nameStart = max(nameStart, end)
                continue
            }
            let after = unitStart + unit.count
            // "统筹推动25项重点工作": a count followed by its noun counts that noun, and the words
            // before it are a verb, not a name.
            let countsWhatFollows = Self.countUnits.contains(unit) && after < clause.upperBound && ScalarClass.isHan(text.s[after])
            if !countsWhatFollows, let name = QuantityName.clean(text, nameStart..<i) {
                let qualifier = roughly ? .over : reader.qualifier(before: i, after: after)
                result.append((name, .init(value: number, unit: String(String.UnicodeScalarView(unit)), growthPct: nil, qualifier: qualifier, start: i)))
            }
            i = after
            nameStart = after
        }
        return result
    }

    /// A digit inside PM2.5, 5G or 1.2.3 is part of a name, not a figure.
    private func isInsideToken(at i: Int) -> Bool {
        guard i > 0 else { return false }
        let before = text.s[i - 1]
        return ScalarClass.isASCIIDigit(before) || ScalarClass.isASCIILetter(before) || before == "." || before == "X" || before == "x"
    }

    /// 第3批, 第2次: an ordinal, not an amount.
    private func isOrdinal(at i: Int) -> Bool {
        i > 0 && text.s[i - 1] == "第"
    }

    /// A growth word right before the number, through an allowed gap (增长了, 下降到): where it
    /// starts, its sign, and where the number's own cues (控制在, 超过) end.
    private func growthWord(before i: Int, from lower: Int) -> (start: Int, sign: Double, numberStart: Int)? {
        var wordEnd = i
        if let gap = FigureReader.growthGaps.first(where: { text.hasSuffix($0, endingAt: i) }), i - gap.count >= lower {
            wordEnd = i - gap.count
        }
        for end in wordEnd == i ? [i] : [wordEnd, i] {
            if let word = FigureReader.growthWords.first(where: { text.hasSuffix($0.word, endingAt: end) }),
               end - word.word.count >= lower {
                return (end - word.word.count, word.sign, i)
            }
        }
        return nil
    }

    /// A switch, not a `Set`: it runs on every scalar of every clause.
    static func isSegmentBreak(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", ",", "、", "：", ":", "（", "）", "(", ")", "“", "”", "。", "！", "？": return true
        default: return false
        }
    }

    /// Longest first, so 万人次 is not read as 万人.
    static let units: [[Unicode.Scalar]] = [
        "万亿元", "亿美元", "万美元", "亿元", "万元", "元", "个百分点", "百分点", "万人次", "人次", "万人", "人", "名",
        "万户", "户", "个", "家", "所", "项", "处", "座", "条", "公里", "千米", "万平方米", "平方公里", "平方米", "万亩", "亩",
        "公顷", "万亿斤", "亿斤", "亿公斤", "万公斤", "公斤", "亿吨", "万吨", "吨/平方公里·月", "吨", "亿立方米", "天", "辆", "台", "套", "张", "床", "万千瓦", "千瓦", "兆瓦", "万立方米", "微克/立方米", "立方米",
        "倍", "场", "只", "株", "棵", "万株", "标准箱", "米",
    ].map(\.scalarArray).sorted { $0.count > $1.count }

    /// Measure words that count things, as opposed to amounts (亿元, 亩, 天).
    static let countUnits: Set<[Unicode.Scalar]> = Set([
        "个", "项", "家", "所", "处", "座", "条", "张", "名", "人", "户", "辆", "台", "套", "只", "株", "棵", "场", "床",
    ].map(\.scalarArray))

    /// What a count of which is no measure: "5个方面", "3个重点", "10名代表".
    static let notMeasures = ["方面", "重点", "领域", "环节", "问题", "方向", "字", "版", "届", "次会议", "代表", "委员"].map(\.scalarArray)
}
