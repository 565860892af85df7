import Foundation
import ChineseText

/// Title, region, speaker, meeting date and session: all read from the report's opening
/// paragraphs (before the first heading), where the title, the dateline and the speaker's line stand.
struct ReportMetadata {
    var title: String?
    var region: String?
    var speaker: String?
    /// 区长, 代区长…, as written next to the speaker's name.
    var office: String?
    var meetingDate: String?
    /// 第三届人民代表大会第三次会议.
    var session: String?

    static let speakerRoles = ["代区长", "区长", "代县长", "县长", "代市长", "市长"]

    init(paragraphs: [String], firstHeading: Int?) {
        let opening = paragraphs.prefix(min(firstHeading ?? 12, 12))
        title = Self.title(in: opening)
        region = title.flatMap(Self.region(inName:)) ?? Self.regionFromText(paragraphs)
        if let (name, role) = opening.lazy.compactMap(Self.speaker(in:)).first {
            speaker = name
            office = role
        }
        meetingDate = opening.lazy.compactMap(Self.meetingDate(in:)).first
        session = opening.lazy.compactMap(Self.session(in:)).first
    }

    /// The most specific short line naming the document: "北京市延庆区2023年政府工作报告"
    /// wins over a bare "政府工作报告". Traditional script (工作報告) counts too.
    static func title<C: Collection>(in opening: C) -> String? where C.Element == String {
        opening.filter { p in
            (p.containsBytes(of: "工作报告") || p.containsBytes(of: "工作報告")) && p.unicodeScalars.count <= 40
                && !p.containsBytes(of: "。") && !p.hasPrefix("——")
        }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
    }

    /// The district or county in a name like "北京市延庆区2023年政府工作报告": the Han
    /// characters before 区/县, back to the enclosing 市/省 or the start.
    static func region(inName text: String) -> String? {
        let s = text.scalarArray
        for (i, c) in s.enumerated() where c == "区" || c == "县" || c == "旗" || c == "區" || c == "縣" {
            var start = i
            while start > 0, ScalarClass.isHan(s[start - 1]), s[start - 1] != "市", s[start - 1] != "省", i - start < 4 {
                start -= 1
            }
            let boundary = start == 0 || !ScalarClass.isHan(s[start - 1]) || s[start - 1] == "市" || s[start - 1] == "省"
            if i - start >= 2 && boundary { return ScalarText(s[start...i]).string(0..<(i - start + 1)) }
        }
        return nil
    }

    /// Without a title: the district or county the text keeps naming. A report says its own
    /// name bare all the time (延庆冬奥, 平谷大桃) and with 区/县 often; generic areas
    /// (保护区, 示范区) are excluded by name. Names of two or three characters before 区/县
    /// are candidates; the one written most often bare wins, the longer on a tie (门头沟 over 头沟).
    static func regionFromText(_ paragraphs: [String]) -> String? {
        let text = ScalarText(paragraphs.joined(separator: "\n"))
        var suffixed = [String: (count: Int, suffix: Unicode.Scalar)]()
        for i in 2..<max(2, text.count) where text.s[i] == "区" || text.s[i] == "县" {
            // 落实区委, 实现区级收入: that 区 opens 区委/区级, it closes no place name.
            if i + 1 < text.count, boundWords.contains(text.s[i + 1]) { continue }
            for length in 2...3 where i - length >= 0 {
                let range = (i - length)..<i
                guard range.allSatisfy({ ScalarClass.isHan(text.s[$0]) }) else { continue }
                let name = text.string(range)
                if genericAreaWords.contains(where: name.hasSuffix) { continue }
                suffixed[name, default: (0, text.s[i])].count += 1
            }
        }
        let candidates = suffixed.filter { $0.value.count >= 2 }
        // A word that is now and then followed by 区 (建设区) is mostly written without it; a
        // place name carries its 区 at least one time in twenty.
        let scored = candidates.map { (name: $0.key, suffix: $0.value.suffix, suffixed: $0.value.count,
                                       bare: text.occurrences(of: $0.key.scalarArray)) }
            .filter { $0.suffixed * 20 >= $0.bare }
        // Ties broken by every field, so the answer never depends on dictionary order.
        guard let best = scored.max(by: { ($0.bare, $0.suffixed, $0.name.unicodeScalars.count, $0.name)
                                          < ($1.bare, $1.suffixed, $1.name.unicodeScalars.count, $1.name) }),
              best.bare >= 10 else { return nil }
        return best.name + String(best.suffix)
    }

    /// Characters after 区/县 that make it the start of another word (区委, 区级, 区直, 区属).
    static let boundWords: [Unicode.Scalar] = ["委", "级", "直", "属"]

    /// Words before 区 that name a kind of area, not a place.
    static let genericAreaWords = [
        "保护", "示范", "涵养", "功能", "开发", "试验", "自贸", "经济", "风景", "旅游", "度假", "核心", "重点",
        "城市", "中心", "新城", "产业", "园", "景", "社", "城", "地", "山", "郊", "市", "全", "本", "我", "各", "辖", "片", "校", "展", "商", "街",
        "聚集", "集聚", "功", "发展", "创新", "服务", "科技", "生态", "农业", "工业", "物流", "商务",
    ]

    /// "北京市延庆区人民政府区长  叶大华" → (叶大华, 区长).
    static func speaker(in paragraph: String) -> (name: String, office: String)? {
        guard paragraph.unicodeScalars.count <= 40, !paragraph.containsBytes(of: "。") else { return nil }
        let text = ScalarText(paragraph)
        for role in speakerRoles {
            // The last place the role is named: what follows it is the name.
            let word = role.scalarArray
            guard let hit = stride(from: text.count - word.count, through: 0, by: -1).first(where: { text.matches(word, at: $0) })
            else { continue }
            let name = text.s[(hit + word.count)...].filter { !ScalarClass.isHorizontalSpace($0) }
            let count = name.count
            if (2...4).contains(count) && name.allSatisfy(ScalarClass.isHan) {
                return (String(scalars: name), role)
            }
        }
        return nil
    }

    /// "在北京市延庆区第三届人民代表大会第三次会议上" → 第三届人民代表大会第三次会议:
    /// from the 第 of 第…届 before 人民代表大会 to the 会议 of 第…次会议 after it.
    static func session(in paragraph: String) -> String? {
        let text = ScalarText(paragraph)
        guard text.count <= 80, let congress = text.find("人民代表大会".scalarArray, in: 0..<text.count),
              congress >= 3, text.s[congress - 1] == "届" else { return nil }
        var start = congress - 2
        while start > 0, congress - start < 6, text.s[start] != "第" { start -= 1 }
        guard text.s[start] == "第", let meeting = text.find("次会议".scalarArray, in: congress..<min(text.count, congress + 14)) else {
            return nil
        }
        return text.string(start..<(meeting + 3))
    }

    /// The date of "——2022年12月21日在…第三次会议上", as YYYY-MM-DD.
    static func meetingDate(in paragraph: String) -> String? {
        guard paragraph.containsBytes(of: "会议") || paragraph.containsBytes(of: "大会") else { return nil }
        let text = ScalarText(paragraph)
        for (year, end) in text.years(in: 0..<text.count) {
            guard let (month, afterMonth) = text.number(at: end), afterMonth < text.count, text.s[afterMonth] == "月",
                  let (day, afterDay) = text.number(at: afterMonth + 1), afterDay < text.count, text.s[afterDay] == "日",
                  (1...12).contains(Int(month)), (1...31).contains(Int(day)) else { continue }
            return String(format: "%04d-%02d-%02d", year, Int(month), Int(day))
        }
        return nil
    }
}
