import ChineseText

/// Which figures of a sentence 预计 makes estimates. At the head of the sentence, before any
/// indicator is named, it governs them all ("预计全市地区生产总值增长5.2%左右，一般公共预算收入
/// 增长3.1%…"); after a name, only the figure of its own comma segment ("地区生产总值预计增长
/// 5.2%左右，一般公共预算收入增长6%" estimates the first alone).
struct Estimates {
    private let text: ScalarText
    private let at: Int?
    private let sentenceWide: Bool

    init(text: ScalarText, firstName: () -> Int?) {
        self.text = text
        at = text.find("预计".scalarArray, in: 0..<text.count)
        guard let at else { sentenceWide = false; return }
        let firstDigit = text.s.firstIndex(where: ScalarClass.isASCIIDigit) ?? text.count
        sentenceWide = at < firstDigit && at < (firstName() ?? text.count)
    }

    /// Whether the figure read at `start` is an estimate.
    func govern(_ start: Int) -> Bool {
        guard let at, at < start else { return false }
        if sentenceWide { return true }
        var segmentStart = start
        while segmentStart > 0, !QuantityStatements.isSegmentBreak(text.s[segmentStart - 1]) || text.s[segmentStart - 1] == "、" {
            segmentStart -= 1
        }
        return at >= segmentStart
    }
}
