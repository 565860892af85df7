import Foundation
import ChineseText
import ReportProtocol

/// Title, region, speaker, meeting date and session: read from the report's opening paragraphs
/// (before the first heading), where the title, the date line and the speaker's line stand, and
/// for the region from the body last. Each field notes where it was found; a field no cue
/// supports stays nil.
struct ReportMetadata {
    var title: String?
    var region: RegionFinder
    var speaker: String?
    /// 区长, 代区长, 总理…, as written next to the speaker's name.
    var office: String?
    var speakerSource: MetadataSource?
    var meetingDate: String?
    var dateLine: DateLine?
    /// 第三届人民代表大会第三次会议.
    var session: String?

    /// How far into a text without headings the opening lines are looked for.
    static let openingParagraphs = 12

    init(paragraphs: [String], firstHeading: Int?, gazetteer: Gazetteer) {
        let opening = paragraphs.prefix(min(firstHeading ?? Self.openingParagraphs, Self.openingParagraphs)).flatMap(Self.headerLines)
        title = Self.title(in: opening)
        dateLine = DateLine.first(in: opening)
        meetingDate = dateLine?.date
        session = dateLine?.session
        var speakerLine: (text: ScalarText, officeStart: Int)?
        for (i, paragraph) in opening.enumerated() {
            guard let line = SpeakerLine(paragraph) ?? (i + 1 < opening.count ? SpeakerLine.split(paragraph, opening[i + 1]) : nil)
            else { continue }
            speaker = line.name
            office = line.office
            speakerSource = DateLine(paragraph) == nil ? .speakerLine : .dateLine
            speakerLine = (ScalarText(paragraph), line.officeStart)
            break
        }
        // The opening sentence may come after the first heading in a copy that numbers it.
        let openingSentence = paragraphs.prefix(Self.openingParagraphs * 2).first { $0.containsBytes(of: "我代表") }
        let letterhead = opening.first { $0.hasSuffix(Self.government) && $0.unicodeScalars.count <= 20 }
        region = RegionFinder(cues: .init(title: title, letterhead: letterhead, speakerLine: speakerLine, dateLine: dateLine,
                                          opening: openingSentence),
                              paragraphs: paragraphs, gazetteer: gazetteer)
    }

    /// A letterhead's last word: `广东省人民政府`.
    static let government = "人民政府"

    /// How far into a paragraph the salutation may stand for what precedes it to be the header.
    static let longestHeader = 150

    /// A text flattened to one line (a copied web page, `tr -d '\n'`) runs its header into the
    /// speech: `政府工作报告——2019年3月5日在第十三届全国人民代表大会第二次会议上国务院总理 李克强各位代表：…`.
    /// What stands before the salutation 各位代表 is the header: it is read as lines, split before
    /// each —— (title, then date line) and after each 。 or news dateline (新华社北京3月12日电), so
    /// a photo caption run in stays a line of its own and is recognised as one, then the rest.
    /// Any other paragraph is itself.
    static func headerLines(_ paragraph: String) -> [String] {
        let text = ScalarText(paragraph)
        guard text.count > longestHeader / 2, let salutation = text.find("各位代表".scalarArray, in: 0..<min(text.count, longestHeader)),
              salutation > 0 else { return [paragraph] }
        var lines = [String]()
        var start = 0
        for i in 0..<salutation {
            if text.s[i] == "—", i > start, text.s[i - 1] != "—" {
                lines.append(text.string(start..<i))
                start = i
            } else if text.s[i] == "。" || (text.s[i] == "电" && i > 0 && text.s[i - 1] == "日") {
                lines.append(text.string(start..<(i + 1)))
                start = i + 1
            }
        }
        lines.append(text.string(start..<salutation))
        return lines.filter { !$0.isEmpty } + [text.string(salutation..<text.count)]
    }

    /// The most specific short line naming the document: "北京市延庆区2023年政府工作报告"
    /// wins over a bare "政府工作报告". Traditional script (工作報告) counts too.
    static func title<C: Collection>(in opening: C) -> String? where C.Element == String {
        opening.filter { p in
            (p.containsBytes(of: "工作报告") || p.containsBytes(of: "工作報告")) && p.unicodeScalars.count <= 40
                && !p.containsBytes(of: "。") && !p.hasPrefix("——") && DateLine(p) == nil
        }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
    }

    /// "在北京市延庆区第三届人民代表大会第三次会议上" → 第三届人民代表大会第三次会议,
    /// "在第十二届全国人民代表大会第二次会议上" → 第十二届全国人民代表大会第二次会议:
    /// from the 第 of 第…届 before 人民代表大会 to the 会议 of 第…次会议 after it.
    static func session(in paragraph: String) -> String? {
        let text = ScalarText(paragraph)
        guard text.count <= 120, var congress = text.find("人民代表大会".scalarArray, in: 0..<text.count) else { return nil }
        // 第十二届全国人民代表大会第二次会议: the national congress's 届 stands before 全国.
        if congress >= 2, text.string((congress - 2)..<congress) == "全国" { congress -= 2 }
        guard congress >= 3, text.s[congress - 1] == "届" else { return nil }
        var start = congress - 2
        while start > 0, congress - start < 6, text.s[start] != "第" { start -= 1 }
        guard text.s[start] == "第", let meeting = text.find("次会议".scalarArray, in: congress..<min(text.count, congress + 14)) else {
            return nil
        }
        return text.string(start..<(meeting + 3))
    }
}
