import ChineseText
import ReportProtocol

/// The heading tree of a report. Levels come from the numbering styles present, outermost
/// first (第一部分 > 一、 > （一）), so 一、 is level 1 in one report and level 2 in another.
struct SectionOutline {
    struct Heading {
        var paragraphIndex: Int
        var kind: HeadingMarker.Kind
        var number: String?
        var ordinal: Int
        var title: String
    }

    let sections: [Section]
    /// For each paragraph, the index in `sections` of the top-level section holding it.
    let topLevelIndex: [Int?]
    /// Paragraphs that are headings (of any level), not body text.
    let headingParagraphs: Set<Int>

    /// - Parameter boldLeads: bold lead phrases (`TextNormalizer.boldLeadPhrases`); a paragraph
    ///   opening with one becomes the innermost section, while staying body text.
    init(paragraphs: [String], boldLeads: Set<String> = []) {
        var headings = Self.markedHeadings(paragraphs)
        headings = Self.restoreUnnumbered(headings, paragraphs: paragraphs)
        let numbered = Set(headings.map(\.paragraphIndex))
        let leads = Self.leadHeadings(paragraphs, phrases: boldLeads, excluding: numbered)
        headings = (headings + leads).sorted { $0.paragraphIndex < $1.paragraphIndex }
        let kinds = Set(headings.map(\.kind)).sorted()
        let level = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0 + 1) })
        sections = Self.tree(headings, level: level, paragraphCount: paragraphs.count)
        // A lead phrase's paragraph goes on with the text it leads (and its figures), unless
        // the phrase is all there is.
        headingParagraphs = numbered.union(leads.filter { paragraphs[$0.paragraphIndex] == $0.title }.map(\.paragraphIndex))

        var top = [Int?](repeating: nil, count: paragraphs.count)
        for (i, section) in sections.enumerated() {
            for p in section.paragraphIndex..<(section.paragraphIndex + section.paragraphCount) { top[p] = i }
        }
        topLevelIndex = top
    }

    /// Paragraphs opening with a heading number and short enough to be a heading, not an
    /// enumerated sentence.
    static func markedHeadings(_ paragraphs: [String]) -> [Heading] {
        paragraphs.enumerated().compactMap { index, paragraph in
            guard let marker = HeadingMarker.parse(paragraph) else { return nil }
            var title = marker.title.scalarArray
            // 1./（1） also number list items ("1.预期目标是…增长5%左右。"): a sentence or a figure is an item.
            if marker.kind >= .arabic, title.last == "。" || title.contains("%") { return nil }
            if title.last == "。" { title.removeLast() }
            guard !title.isEmpty, title.count <= 50,
                  !title.contains(where: { $0 == "。" || $0 == "；" }) else { return nil }
            return Heading(paragraphIndex: index, kind: marker.kind, number: marker.number,
                           ordinal: marker.ordinal, title: ScalarText(title[...]).string(0..<title.count))
        }
    }

    /// A heading that lost its number (web copies do that) shows as a gap in its siblings'
    /// numbering (一、 then 三、). The short, unpunctuated paragraph in the gap is that heading.
    static func restoreUnnumbered(_ headings: [Heading], paragraphs: [String]) -> [Heading] {
        var result = headings
        for (a, b) in zip(headings, headings.dropFirst()) where a.kind == b.kind && b.ordinal == a.ordinal + 2 {
            let between = (a.paragraphIndex + 1)..<b.paragraphIndex
            guard let index = between.first(where: { looksLikeBareHeading(paragraphs[$0]) }) else { continue }
            result.append(Heading(paragraphIndex: index, kind: a.kind, number: nil,
                                  ordinal: a.ordinal + 1, title: paragraphs[index]))
        }
        return result.sorted { $0.paragraphIndex < $1.paragraphIndex }
    }

    /// Paragraphs that open with a bold lead phrase, followed by 。, ： or nothing.
    static func leadHeadings(_ paragraphs: [String], phrases: Set<String>, excluding numbered: Set<Int>) -> [Heading] {
        guard !phrases.isEmpty else { return [] }
        let sortedPhrases = phrases.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        return paragraphs.enumerated().compactMap { index, paragraph in
            guard !numbered.contains(index),
                  let phrase = sortedPhrases.first(where: { phrase in
                      guard paragraph.hasPrefix(phrase) else { return false }
                      let next = paragraph.unicodeScalars.dropFirst(phrase.unicodeScalars.count).first
                      return next == nil || next == "。" || next == "："
                  }) else { return nil }
            return Heading(paragraphIndex: index, kind: .boldLead, number: nil, ordinal: 0, title: phrase)
        }
    }

    static func looksLikeBareHeading(_ paragraph: String) -> Bool {
        let s = paragraph.scalarArray
        return s.count >= 4 && s.count <= 30 && HeadingMarker.parse(paragraph) == nil
            && !s.contains { "。！？；：".unicodeScalars.contains($0) }
    }

    /// Nests headings by level; a section runs until the next heading of its level or higher.
    static func tree(_ headings: [Heading], level: [HeadingMarker.Kind: Int], paragraphCount: Int) -> [Section] {
        func build(_ range: Range<Int>) -> [Section] {
            var sections = [Section]()
            var i = range.lowerBound
            while i < range.upperBound {
                let h = headings[i]
                let myLevel = level[h.kind] ?? 1
                var end = i + 1
                while end < range.upperBound, (level[headings[end].kind] ?? 1) > myLevel { end += 1 }
                // headings[end] is the next heading at this level or higher, inside or after `range`.
                let stop = end < headings.count ? headings[end].paragraphIndex : paragraphCount
                sections.append(Section(number: h.number, title: h.title, level: myLevel,
                                        paragraphIndex: h.paragraphIndex,
                                        paragraphCount: stop - h.paragraphIndex,
                                        children: build((i + 1)..<end)))
                i = end
            }
            return sections
        }
        return build(0..<headings.count)
    }
}
