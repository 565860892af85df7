import ReportProtocol

/// Where each extracted figure stands in the text: the decision logic behind the report page's
/// highlights, apart from any HTML. Offsets count `Character`s of one paragraph.
public struct FigureLocator {
    /// One highlighted stretch of a paragraph and the indicators (indexes into the document's
    /// list) it stands for; the first of them names the highlight's anchor.
    public struct Mark: Equatable, Sendable {
        public var paragraph: Int
        public var range: Range<Int>
        public var indicators: [Int]
    }

    /// Per paragraph index, its marks in text order, never overlapping.
    public private(set) var marks: [Int: [Mark]] = [:]
    /// Per indicator index, the anchor of the mark that shows it; absent when its sentence is not in the text.
    public private(set) var anchorOf: [Int: Int] = [:]

    public init(paragraphs: [String], indicators: [Indicator]) {
        let texts = paragraphs.map { Array($0) }
        for (index, indicator) in indicators.enumerated() {
            let evidence = Array(indicator.evidence)
            guard !evidence.isEmpty,
                  let paragraph = texts.firstIndex(where: { Self.find(evidence, in: $0) != nil }),
                  let start = Self.find(evidence, in: texts[paragraph]) else { continue }
            let figure = Self.figure(of: indicator, in: evidence)
            place(Mark(paragraph: paragraph, range: (start + figure.lowerBound)..<(start + figure.upperBound),
                       indicators: [index]))
        }
    }

    /// Adds a mark, or joins an overlapping one: two figures of one phrase share a highlight.
    private mutating func place(_ mark: Mark) {
        var list = marks[mark.paragraph] ?? []
        if let existing = list.firstIndex(where: { $0.range.overlaps(mark.range) }) {
            list[existing].indicators += mark.indicators
            anchorOf[mark.indicators[0]] = list[existing].indicators[0]
        } else {
            list.append(mark)
            list.sort { $0.range.lowerBound < $1.range.lowerBound }
            anchorOf[mark.indicators[0]] = mark.indicators[0]
        }
        marks[mark.paragraph] = list
    }

    /// The figure inside its sentence: from the first number after the indicator's name through
    /// its unit, and on through the growth rate when the sentence states one; the whole sentence
    /// when no number follows the name.
    static func figure(of indicator: Indicator, in evidence: [Character]) -> Range<Int> {
        let name = Array(indicator.name)
        let from = find(name, in: evidence).map { $0 + name.count } ?? 0
        guard let first = evidence[from...].firstIndex(where: \.isASCIIDigitLike) else { return 0..<evidence.count }
        var end = numberEnd(in: evidence, from: first)
        end = suffixEnd(in: evidence, at: end, unit: indicator.unit)
        if indicator.value != nil, indicator.growthPct != nil,
           let percent = evidence[end...].prefix(24).firstIndex(of: "%") ?? evidence[end...].prefix(24).firstIndex(of: "％") {
            end = percent + 1
        }
        return first..<end
    }

    private static func numberEnd(in text: [Character], from start: Int) -> Int {
        var end = start
        while end < text.count, text[end].isASCIIDigitLike || text[end] == "." || text[end] == "," { end += 1 }
        return end
    }

    /// Past the unit (亿元, 万人) or a percent sign directly after the number.
    private static func suffixEnd(in text: [Character], at end: Int, unit: String?) -> Int {
        if let unit, !unit.isEmpty {
            let unitCharacters = Array(unit)
            if end + unitCharacters.count <= text.count, Array(text[end..<end + unitCharacters.count]) == unitCharacters {
                return end + unitCharacters.count
            }
        }
        if end < text.count, text[end] == "%" || text[end] == "％" { return end + 1 }
        return end
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    static func find(_ needle: [Character], in haystack: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension Character {
    /// 0–9 in ASCII or full width, as figures are written in the reports.
    var isASCIIDigitLike: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}
