/// The numbering that opens a heading in a government report: 第一部分, 一、, （一）/(一),
/// 1./1、, （1）/(1).
public struct HeadingMarker: Sendable, Equatable {
    /// Ordered from the outermost level inwards.
    public enum Kind: Int, Sendable, Comparable {
        case part = 0, numeral = 1, parenthesizedNumeral = 2, arabic = 3, parenthesizedArabic = 4
        /// A bold lead phrase (`**文化保护传承深入开展**。…`): never parsed from a line, since only
        /// the bold marks it (`TextNormalizer.boldLeadPhrases`); the innermost level.
        case boldLead = 5
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The numbering as written (after normalisation), e.g. "第一部分", "二、", "（三）".
    public var number: String
    /// 1 for 一, 12 for 十二.
    public var ordinal: Int
    /// What follows the numbering, trimmed.
    public var title: String

    public init(kind: Kind, number: String, ordinal: Int, title: String) {
        self.kind = kind
        self.number = number
        self.ordinal = ordinal
        self.title = title
    }

    /// Reads the marker at the start of a line or paragraph; nil when it has none.
    public static func parse(_ text: String) -> HeadingMarker? {
        // Most lines are prose: decide on the first scalar before copying the line.
        guard let first = text.unicodeScalars.first, mayOpenMarker(first) else { return nil }
        let s = text.unicodeScalarArray
        if first == "第" {
            let (value, end) = ChineseNumeral.read(s, from: 1)
            guard let value, end + 1 < s.count, s[end] == "部", s[end + 1] == "分" else { return nil }
            return make(.part, s, numberEnd: end + 2, ordinal: value)
        }
        if first == "（" || first == "(" {
            if let (value, end) = arabicNumber(s, from: 1) {
                guard end < s.count, s[end] == "）" || s[end] == ")" else { return nil }
                return make(.parenthesizedArabic, s, numberEnd: end + 1, ordinal: value)
            }
            let (value, end) = ChineseNumeral.read(s, from: 1)
            guard let value, end < s.count, s[end] == "）" || s[end] == ")" else { return nil }
            return make(.parenthesizedNumeral, s, numberEnd: end + 1, ordinal: value)
        }
        if let (value, end) = arabicNumber(s, from: 0) {
            // "1." or "1、" then text; "4.37万亩" or "1.3 万人次" at the start of a wrapped line is a number.
            guard end + 1 < s.count, s[end] == "." || s[end] == "、" || s[end] == "．",
                  !ScalarClass.isASCIIDigit(s[end + 1]), !ScalarClass.isHorizontalSpace(s[end + 1]) else { return nil }
            return make(.arabic, s, numberEnd: end + 1, ordinal: value)
        }
        let (value, end) = ChineseNumeral.read(s, from: 0)
        guard let value, end < s.count, s[end] == "、" || s[end] == "．" else { return nil }
        return make(.numeral, s, numberEnd: end + 1, ordinal: value)
    }

    private static func mayOpenMarker(_ c: Unicode.Scalar) -> Bool {
        c == "第" || c == "（" || c == "(" || c == "十" || ScalarClass.isASCIIDigit(c) || ChineseNumeral.digit(c) != nil
    }

    /// One or two ASCII digits (items run to 99 at most), not the start of a longer number.
    private static func arabicNumber(_ s: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        var end = start
        var value = 0
        while end < s.count, ScalarClass.isASCIIDigit(s[end]), end - start < 3 {
            value = value * 10 + Int(s[end].value - 0x30)
            end += 1
        }
        guard end > start, end - start <= 2, value > 0 else { return nil }
        return (value, end)
    }

    private static func make(_ kind: Kind, _ s: [Unicode.Scalar], numberEnd: Int, ordinal: Int) -> HeadingMarker {
        var titleStart = numberEnd
        while titleStart < s.count, ScalarClass.isHorizontalSpace(s[titleStart]) || s[titleStart] == "：" || s[titleStart] == "、" {
            titleStart += 1
        }
        return HeadingMarker(kind: kind, number: String(scalars: s[0..<numberEnd]), ordinal: ordinal,
                             title: String(scalars: s[titleStart...]))
    }
}

/// Chinese numerals as used in heading numbers: 一 … 九十九.
enum ChineseNumeral {
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// The value of the numeral starting at `start` and the index just past it.
    static func read(_ s: [Unicode.Scalar], from start: Int) -> (Int?, Int) {
        var i = start
        var value = 0
        var current: Int?
        var sawTen = false
        while i < s.count {
            if let d = digit(s[i]) {
                guard current == nil else { break }
                current = d
            } else if s[i] == "十", !sawTen {
                value = (current ?? 1) * 10
                current = nil
                sawTen = true
            } else {
                break
            }
            i += 1
        }
        guard i > start else { return (nil, start) }
        return (value + (current ?? 0), i)
    }
}
