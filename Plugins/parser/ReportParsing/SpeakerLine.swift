import ChineseText

/// The speaker and the office named on one line of the opening, in the forms reports use:
/// `北京市延庆区人民政府区长  叶大华`, `国务院总理?李克强` (a GBK file's lost non-breaking
/// space), `代省长 王 某 某`, `…会议上北京市市长 殷勇同志作政府工作报告。` (the date line and
/// the speaker run together), `2025年1月15日龚正市长在…` (the name before the office).
struct SpeakerLine {
    let name: String
    let office: String
    /// Where the office word starts: the region is named just before it.
    let officeStart: Int

    /// The head of each level of government, and the acting head (代…, 代理…).
    static let offices: [[Unicode.Scalar]] = {
        let heads = ["总理", "省长", "市长", "区长", "县长", "旗长", "州长", "盟长", "主席"]
        return (heads.map { "代理" + $0 } + heads.map { "代" + $0 } + heads).map(\.scalarArray)
    }()

    /// Words after a name that end it: 殷勇同志作政府工作报告, 龚正市长在….
    static let nameEnders = ["同志", "作", "在", "向", "的", "各位"].map(\.scalarArray)
    /// What a name never contains: the line's other words.
    static let notInNames = ["政府", "人民", "代表", "报告", "工作", "会议", "大会", "办公", "热线", "助理"]

    /// Lines this long or longer are sentences, not a speaker's line (a run-together date
    /// line with the speaker is about 60 characters).
    static let longestLine = 90

    init?(_ paragraph: String) {
        guard paragraph.utf8.count <= 3 * Self.longestLine else { return nil }
        let text = ScalarText(paragraph)
        // A sentence (。) names a speaker only when it is the date line run together with the speaker's.
        // A news item's lead (新华社北京3月5日电 国务院总理李强…) names the speaker in passing too.
        guard text.count <= Self.longestLine, !Self.isCaption(paragraph), !paragraph.containsBytes(of: "日电"),
              !paragraph.containsBytes(of: "。") || DateLine(paragraph) != nil else { return nil }
        for i in 0..<text.count {
            guard let office = Self.offices.first(where: { text.matches($0, at: i) }) else { continue }
            // 副区长张三分管…: a deputy is not the speaker.
            if i > 0, text.s[i - 1] == "副" { continue }
            // 主席 heads a government only as 自治区人民政府主席 or, as the autonomous regions' own
            // reports head it, 内蒙古自治区主席; elsewhere (政协主席, 工会主席) it is another body's title.
            if office.last == "席", !text.hasSuffix("政府".scalarArray, endingAt: i) && !text.hasSuffix("自治区".scalarArray, endingAt: i) {
                continue
            }
            if let name = Self.name(after: i + office.count, in: text) ?? Self.name(before: i, officeEnd: i + office.count, in: text) {
                self.name = name
                self.office = String(scalars: office)
                officeStart = i
                return
            }
        }
        return nil
    }

    /// Photo captions name the speaker and the day in passing: 图为…, 新华社记者…摄.
    static func isCaption(_ paragraph: String) -> Bool {
        ["摄", "图为", "记者"].contains { paragraph.containsBytes(of: $0) }
    }

    /// 殷勇 of "市长 殷勇同志作…", 李克强 of "总理 李 克 强": Han characters with at most single
    /// spaces (or ?) between them, up to a word that ends a name or the end of the line.
    static func name(after start: Int, in text: ScalarText) -> String? {
        var i = start
        while i < text.count, isSeparator(text.s[i]) || text.s[i] == ":" || text.s[i] == "：" { i += 1 }
        var name = [Unicode.Scalar]()
        while i < text.count {
            if nameEnders.contains(where: { text.matches($0, at: i) }) && name.count >= 2 { break }
            let c = text.s[i]
            if ScalarClass.isHan(c) || (c == "·" && !name.isEmpty) {
                name.append(c)
            } else if isSeparator(c), i + 1 < text.count, ScalarClass.isHan(text.s[i + 1]), name.count < 4 {
                // a space between the characters of one name
            } else {
                break
            }
            i += 1
        }
        return valid(name)
    }

    /// 龚正 of "2025年1月15日龚正市长在…": only when the office is followed by 在/作 or the end,
    /// and the name is preceded by the date's 日, a non-Han character or the line's start.
    static func name(before officeStart: Int, officeEnd: Int, in text: ScalarText) -> String? {
        guard officeEnd == text.count || ["在", "作"].contains(text.s[officeEnd]) || isSeparator(text.s[officeEnd]) else { return nil }
        var start = officeStart
        while start > 0, ScalarClass.isHan(text.s[start - 1]), officeStart - start < 4 {
            if text.s[start - 1] == "日", start >= 2, ScalarClass.isASCIIDigit(text.s[start - 2]) { break }
            start -= 1
        }
        guard start == 0 || !ScalarClass.isHan(text.s[start - 1]) || text.s[start - 1] == "日" else { return nil }
        // `广东省省长` with the name on the next line: what stands before the office is the government.
        guard let last = text.s[start..<officeStart].last, !placeEndings.contains(last) else { return nil }
        return valid(Array(text.s[start..<officeStart]))
    }

    /// The last characters of a government's name (广东省, 国务院), never of a speaker's here.
    static let placeEndings: Set<Unicode.Scalar> = ["省", "市", "区", "县", "州", "旗", "盟", "院", "府"]

    /// The office at the end of one line and the name alone on the next (`广东省省长` / `王伟中`):
    /// the two read as one line. Nil unless the first ends in an office and the second is short.
    static func split(_ line: String, _ next: String) -> SpeakerLine? {
        let text = ScalarText(line)
        guard next.unicodeScalars.count <= 12, offices.contains(where: { text.hasSuffix($0, endingAt: text.count) }) else { return nil }
        return SpeakerLine(line + " " + next)
    }

    static func valid(_ name: [Unicode.Scalar]) -> String? {
        let han = name.filter { $0 != "·" }.count
        guard han >= 2, han <= (name.contains("·") ? 12 : 4) else { return nil }
        let string = String(scalars: name)
        guard !notInNames.contains(where: string.contains) else { return nil }
        return string
    }

    static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        ScalarClass.isHorizontalSpace(c) || c == "?" || c == "？" || c == "\u{3000}" || c == "\u{00A0}"
    }
}
