/// "市场总消费和社会消费品零售额分别增长10%和9%": names before 分别, percentages after it,
/// paired in order when the counts agree.
struct RespectivelyClause {
    let pairs: [(String, FigureReader.Figures)]

    init?(text: ScalarText, clause: Range<Int>, mentions: [(name: String, start: Int, end: Int)]) {
        guard let marker = text.find("分别".scalarArray, in: clause) else { return nil }
        let names = mentions.filter { $0.end <= marker }.map(\.name)
        guard names.count >= 2 else { return nil }
        var i = marker + 2
        var sign = 1.0
        if let word = FigureReader.growthWords.first(where: { text.matches($0.word, at: i) }) {
            sign = word.sign
            i += word.word.count
        } else {
            return nil
        }
        var percents = [Double]()
        while i < clause.upperBound, percents.count < names.count {
            guard let (number, end) = text.number(at: i), end < clause.upperBound, text.s[end] == "%" else { break }
            percents.append(sign * number)
            i = end + 1
            if i < clause.upperBound, text.s[i] == "和" || text.s[i] == "、" || text.s[i] == "，" { i += 1 }
        }
        guard percents.count == names.count else { return nil }
        pairs = zip(names, percents).map { ($0, FigureReader.Figures(value: nil, unit: nil, growthPct: $1, qualifier: nil)) }
    }
}
