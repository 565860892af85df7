import ChineseText

/// Text compared the way the tokenizer compares it: whitespace ignored, full-width ASCII folded
/// to ASCII, Latin letters case-insensitive (2022年 finds 2022 年, ＰＭ２．５ finds PM2.5).
enum TextFolding {
    static func foldedScalars(_ text: String) -> [UInt32] {
        text.unicodeScalars.compactMap { isWhitespace($0) ? nil : fold($0) }
    }

    /// Unicode's White_Space property, as a range check: the property lookup is far slower,
    /// and searches fold the best paragraphs of dozens of reports.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = ScalarClass.halfWidth(scalar.value)
        return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
    }

    /// Every start of `needle` in `haystack`, ascending.
    static func occurrences(of needle: [UInt32], in haystack: [UInt32]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            found.append(start)
        }
        return found
    }
}
