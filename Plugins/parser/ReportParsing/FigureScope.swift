import ChineseText

/// Whether a figure speaks of one year. A new government's report reviews its five-year term
/// (五年来，城镇新增就业6600万人以上) and a plan year's report may set five-year goals (“十三五”
/// 时期…实现城镇新增就业5000万人以上; 到2020年…届时经济总量超过90万亿元): such figures are
/// totals or goals of the term, and labelling them with the report's year would be false.
enum FigureScope {
    /// A top-level section about a term: 过去五年工作回顾, “十三五”时期主要目标任务.
    static func isTermSection(_ title: String?) -> Bool {
        guard let title else { return false }
        let s = ScalarText(title)
        if s.find("五年".scalarArray, in: 0..<s.count) != nil { return true }
        return fiveYearPlanName(in: s, 0..<s.count)
    }

    static let termOpenings = ["五年来", "过去五年", "五年间", "今后五年", "未来五年", "这五年", "本届政府以来"].map(\.scalarArray)
    static let yearOpenings = ["过去一年", "一年来", "去年", "刚刚过去的", "今年"].map(\.scalarArray)

    /// A paragraph of a term: its opening names the term ("2015年是“十二五”收官之年。过去五年，…"),
    /// or it stands in a term's section and does not name a single year ("刚刚过去的2017年，…"
    /// in 过去五年工作回顾 does).
    static func isTermParagraph(_ opening: [[Unicode.Scalar]], inTermSection: Bool, reviewYear: Int?, planYear: Int?) -> Bool {
        guard let first = opening.first else { return false }
        for sentence in opening.prefix(2).map(ScalarText.init(scalars:)) {
            let head = 0..<min(sentence.count, 40)
            if termOpenings.contains(where: { sentence.find($0, in: head) != nil }) { return true }
        }
        let firstSentence = ScalarText(scalars: first)
        let head = 0..<min(firstSentence.count, 40)
        if yearOpenings.contains(where: { firstSentence.find($0, in: head) != nil }) { return false }
        let years = Set(firstSentence.years(in: head).map(\.year))
        if let reviewYear, years.contains(reviewYear) { return false }
        if let planYear, years.contains(planYear) { return false }
        return inTermSection
    }

    /// `过去五年，…年均增长6%。2023年，全区地区生产总值增长6.2%。`: within a term's paragraph, a
    /// sentence that opens on the reviewed or planned year (or 过去一年, 刚刚过去的…) is that year's.
    static func opensOnItsYear(_ sentence: ScalarText, reviewYear: Int?, planYear: Int?) -> Bool {
        if yearOpenings.contains(where: { sentence.matches($0, at: 0) }) { return true }
        guard let (year, end) = sentence.years(in: 0..<min(sentence.count, 6)).first, end == 5 else { return false }
        return year == reviewYear || year == planYear
    }

    /// "过去五年，全省生产总值年均增长6.2%，城镇新增就业累计超过500万人": a term's sentence.
    static func namesTerm(_ sentence: ScalarText) -> Bool {
        termOpenings.contains { sentence.find($0, in: 0..<sentence.count) != nil }
    }

    /// A sentence about another time: 届时, or 到2020年 when 2020 is neither the reviewed nor
    /// the planned year.
    static func namesAnotherYear(_ sentence: ScalarText, reviewYear: Int?, planYear: Int?) -> Bool {
        if sentence.find("届时".scalarArray, in: 0..<sentence.count) != nil { return true }
        for (year, end) in sentence.years(in: 0..<sentence.count) where year != reviewYear && year != planYear {
            let start = end - 5
            if start > 0, sentence.s[start - 1] == "到" || sentence.s[start - 1] == "至" { return true }
        }
        return false
    }

    /// “十三五”, 十四五: a five-year plan's name.
    static func fiveYearPlanName(in s: ScalarText, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 2 < range.upperBound {
            if s.s[i] == "十", "一二三四五六七八九".unicodeScalars.contains(s.s[i + 1]), s.s[i + 2] == "五" { return true }
            i += 1
        }
        return false
    }
}
