import ChineseText

/// The line that says when and where the report was given: `——2025年1月8日在北京市东城区第十七
/// 届人民代表大会第五次会议上`, also in brackets, without the dash, run together with the
/// speaker (`…会议上北京市市长 殷勇…`) or after the speaker (`2025年1月15日龚正市长在上海市…`),
/// or with the date after the meeting (`在广东省第十二届人民代表大会第三次会议上` / `2015年1月25日`).
/// A news dateline (`新华社北京3月14日电`) and a photo caption are not one.
struct DateLine {
    /// YYYY-MM-DD.
    let date: String
    let year: Int
    let month: Int
    /// 第三届人民代表大会第三次会议, when the line names it.
    let session: String?
    /// The line, which may be two paragraphs joined (the date on one, the meeting on the next).
    let text: ScalarText
    /// Where the congress is named: between the date and here stands the region (在北京市东城区第…).
    let regionRange: Range<Int>
    /// 全国人民代表大会: the State Council's report.
    let isNational: Bool

    static let congress = "人民代表大会".scalarArray

    /// Where the congress is named: 人民代表大会, or 人大 when 会议 follows (`在区十六届人大三次会议上`).
    static func congress(in text: ScalarText) -> Int? {
        if let full = text.find(congress, in: 0..<text.count) { return full }
        guard let short = text.find(["人", "大"], in: 0..<text.count),
              text.find(["会", "议"], in: short..<min(text.count, short + 10)) != nil else { return nil }
        return short
    }

    init?(_ line: String) {
        // At most 3 bytes a character: a long paragraph is turned away before it is copied.
        guard line.utf8.count <= 3 * 120 else { return nil }
        let text = ScalarText(line)
        guard text.count <= 120, !SpeakerLine.isCaption(line), let congress = Self.congress(in: text) else { return nil }
        for (year, month, day, afterDay) in Self.dates(in: text) {
            guard (1...12).contains(month), (1...31).contains(day) else { continue }
            // 2014年3月14日电: a news agency's dateline.
            if afterDay + 1 < text.count, text.s[afterDay + 1] == "电" { continue }
            date = String(format: "%04d-%02d-%02d", year, month, day)
            self.year = year
            self.month = month
            self.text = text
            session = ReportMetadata.session(in: line)
            isNational = congress >= 2 && text.string((congress - 2)..<congress) == "全国"
            // The region stands after the 在 that follows the date (or after the date itself); when
            // the date comes after the meeting (`在…会议上（2015年1月25日）`), after the 在 before it.
            var from = afterDay < congress ? afterDay + 1 : 0
            if let at = text.find(["在"], in: from..<congress) { from = at + 1 }
            let to = text.find(["第"], in: from..<congress) ?? congress
            regionRange = from..<to
            return
        }
        return nil
    }

    /// A line that is nothing but a date in brackets or after a dash, `（2024年1月23日）` or
    /// `——2024年1月23日`, or in Chinese numerals, as some reports give the day without the
    /// meeting. A bare date in digits without those marks (a web page's publication date) is not one.
    init?(bare line: String) {
        guard line.utf8.count <= 3 * 30 else { return nil }
        let text = ScalarText(line)
        let marks: Set<Unicode.Scalar> = ["—", "-", "（", "）", "(", ")", " ", "\u{3000}"]
        var start = 0
        var end = text.count
        while start < end, marks.contains(text.s[start]) { start += 1 }
        while end > start, marks.contains(text.s[end - 1]) { end -= 1 }
        // Unmarked, only in Chinese numerals (`二〇二四年一月二十二日`, a printed report's style):
        // a web page dates itself in digits.
        guard start < end, start > 0 || ChineseNumber.digit(text.s[start]) != nil,
              let only = Self.dates(in: text).first, only.dayMark == end - 1,
              Self.dates(in: text).count == 1, (1...12).contains(only.month), (1...31).contains(only.day),
              text.s[start] == "2" || ChineseNumber.digit(text.s[start]) != nil else { return nil }
        date = String(format: "%04d-%02d-%02d", only.year, only.month, only.day)
        year = only.year
        month = only.month
        session = nil
        self.text = text
        regionRange = 0..<0
        isNational = false
    }

    /// Every full date of the line, `2025年1月8日` or `二〇二五年一月八日`, with the index of its 日.
    static func dates(in text: ScalarText) -> [(year: Int, month: Int, day: Int, dayMark: Int)] {
        var found = [(year: Int, month: Int, day: Int, dayMark: Int)]()
        for (year, end) in text.years(in: 0..<text.count) {
            guard let (month, afterMonth) = text.number(at: end), afterMonth < text.count, text.s[afterMonth] == "月",
                  let (day, afterDay) = text.number(at: afterMonth + 1), afterDay < text.count, text.s[afterDay] == "日"
            else { continue }
            found.append((year, Int(month), Int(day), afterDay))
        }
        // 二〇二五年一月八日: four digit characters, then 1–3 for the month and for the day.
        var i = 0
        while i + 4 < text.count {
            guard let year = chineseDigits(text, i..<(i + 4)), text.s[i + 4] == "年",
                  i == 0 || ChineseNumber.digit(text.s[i - 1]) == nil,
                  let (month, afterMonth) = chineseNumber(text, at: i + 5, until: "月"),
                  let (day, afterDay) = chineseNumber(text, at: afterMonth + 1, until: "日") else { i += 1; continue }
            found.append((year, month, day, afterDay))
            i = afterDay
        }
        return found
    }

    static func chineseDigits(_ text: ScalarText, _ range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
            guard let digit = ChineseNumber.digit(text.s[i]) else { return nil }
            value = value * 10 + digit
        }
        return (1949...2100).contains(value) ? value : nil
    }

    /// 八 → 8, 十二 → 12, 二十一 → 21, 三十 → 30, up to `mark` (月 or 日), with the mark's index.
    static func chineseNumber(_ text: ScalarText, at start: Int, until mark: Unicode.Scalar) -> (Int, Int)? {
        var end = start
        while end < text.count, end - start < 3, text.s[end] != mark { end += 1 }
        guard end < text.count, text.s[end] == mark, end > start else { return nil }
        var value = 0
        var pending = 0
        for i in start..<end {
            if text.s[i] == "十" {
                value += (pending == 0 ? 1 : pending) * 10
                pending = 0
            } else if let digit = ChineseNumber.digit(text.s[i]) {
                pending = digit
            } else {
                return nil
            }
        }
        return (value + pending, end)
    }

    /// The first date line among the opening paragraphs; a short line is read together with its
    /// neighbour (the date and the meeting split onto lines of their own, in either order).
    static func first<C: Collection>(in opening: C) -> DateLine? where C.Element == String {
        let lines = Array(opening)
        for (i, line) in lines.enumerated() {
            if let found = DateLine(line) { return found }
            if i + 1 < lines.count, line.unicodeScalars.count <= 30 || lines[i + 1].unicodeScalars.count <= 30,
               let found = DateLine(line + lines[i + 1]) { return found }
        }
        return lines.lazy.compactMap { DateLine(bare: $0) }.first
    }
}

/// The digit characters of dates written in Chinese numerals.
enum ChineseNumber {
    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "零", "○", "Ｏ": 0
        case "一": 1
        case "二": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }
}
