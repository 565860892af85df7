import ChineseText

/// The line that says when and where the report was given: `——2025年1月8日在北京市东城区第十七
/// 届人民代表大会第五次会议上`, also in brackets, without the dash, run together with the
/// speaker (`…会议上北京市市长 殷勇…`) or after the speaker (`2025年1月15日龚正市长在上海市…`).
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

    init?(_ line: String) {
        // At most 3 bytes a character: a long paragraph is turned away before it is copied.
        guard line.utf8.count <= 3 * 120 else { return nil }
        let text = ScalarText(line)
        guard text.count <= 120, !SpeakerLine.isCaption(line),
              let congress = text.find(Self.congress, in: 0..<text.count) else { return nil }
        for (year, end) in text.years(in: 0..<text.count) {
            guard let (month, afterMonth) = text.number(at: end), afterMonth < text.count, text.s[afterMonth] == "月",
                  let (day, afterDay) = text.number(at: afterMonth + 1), afterDay < text.count, text.s[afterDay] == "日",
                  (1...12).contains(Int(month)), (1...31).contains(Int(day)), afterDay < congress else { continue }
            // 2014年3月14日电: a news agency's dateline.
            if afterDay + 1 < text.count, text.s[afterDay + 1] == "电" { continue }
            date = String(format: "%04d-%02d-%02d", year, Int(month), Int(day))
            self.year = year
            self.month = Int(month)
            self.text = text
            session = ReportMetadata.session(in: line)
            isNational = congress >= 2 && text.string((congress - 2)..<congress) == "全国"
            // The region stands after the 在 that follows the date (or after the date itself).
            var from = afterDay + 1
            if let at = text.find(["在"], in: from..<congress) { from = at + 1 }
            let to = text.find(["第"], in: from..<congress) ?? congress
            regionRange = from..<to
            return
        }
        return nil
    }

    /// The first date line among the opening paragraphs; a line holding only the date is read
    /// together with the next one (the meeting split onto a line of its own).
    static func first<C: Collection>(in opening: C) -> DateLine? where C.Element == String {
        let lines = Array(opening)
        for (i, line) in lines.enumerated() {
            if let found = DateLine(line) { return found }
            if i + 1 < lines.count, line.unicodeScalars.count <= 30, let found = DateLine(line + lines[i + 1]) { return found }
        }
        return nil
    }
}
