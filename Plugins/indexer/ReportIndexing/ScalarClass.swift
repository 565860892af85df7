/// How the search tokenizer treats one Unicode scalar.
///
/// Works on raw scalar values, never on `Character`, because the tokenizer runs over every
/// byte of every report and grapheme breaking is far too slow for that.
enum ScalarClass: Equatable {
    /// Chinese (and Japanese/Korean) text: written without spaces, indexed as bigrams.
    case ideograph
    /// A Latin (or other alphabetic) letter: part of a word.
    case letter
    /// A digit: part of a number. Numbers and letters form separate tokens (PM2.5 → pm 2 5),
    /// so that 2.5 and 5 find PM2.5 too.
    case digit
    /// Whitespace, punctuation, symbols: never searchable, only separate tokens.
    case separator

    @inline(__always)
    static func of(_ value: UInt32) -> ScalarClass {
        if value < 0x80 {
            if value >= 0x61 && value <= 0x7A { return .letter }
            if value >= 0x41 && value <= 0x5A { return .letter }
            if value >= 0x30 && value <= 0x39 { return .digit }
            return .separator
        }
        if isIdeograph(value) { return .ideograph }
        guard let scalar = Unicode.Scalar(value) else { return .separator }
        let properties = scalar.properties
        if properties.numericType != nil { return .digit }
        if properties.isAlphabetic { return .letter }
        return .separator
    }

    /// Scripts written without spaces between words. 〇 is included because years are written
    /// 二〇二三年; radicals because PDF extraction sometimes yields ⼀ (U+2F00) for 一, and
    /// such text should at least be found by the same characters.
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF,   // CJK Unified Ideographs
             0x3400...0x4DBF,   // Extension A
             0x20000...0x323AF, // Extensions B–H
             0xF900...0xFAFF,   // Compatibility Ideographs
             0x3005, 0x3007,    // 々 〇
             0x2E80...0x2FDF,   // CJK and Kangxi radicals
             0x3040...0x30FF,   // Hiragana, Katakana
             0xAC00...0xD7AF:   // Hangul syllables
            return true
        default:
            return false
        }
    }

    /// Full-width ASCII (Ａ１％) as typed by Chinese input methods, mapped to ASCII, so that
    /// ２０２２ and 2022 are the same token.
    @inline(__always)
    static func halfWidth(_ value: UInt32) -> UInt32 {
        value >= 0xFF01 && value <= 0xFF5E ? value - 0xFEE0 : value
    }
}
