/// Character classes of Chinese text, one definition for the normaliser, the sentence splitter,
/// the parser and the search tokenizer, so that every character the normaliser treats as Han is
/// one the index makes searchable (they had two lists, and the normaliser's missed extensions G
/// and H).
///
/// Works on `Unicode.Scalar` and raw scalar values, never on `Character`: the tokenizer runs over
/// every byte of every report, and grapheme breaking is far too slow for that. What the tokenizer
/// calls is `@inlinable`, so it is inlined across the module boundary as it was inside the indexer.
public enum ScalarClass: Equatable, Sendable {
    /// Chinese (and Japanese/Korean) text: written without spaces, indexed as bigrams.
    case ideograph
    /// A Latin (or other alphabetic) letter: part of a word.
    case letter
    /// A digit: part of a number. Numbers and letters form separate tokens (PM2.5 → pm 2 5),
    /// so that 2.5 and 5 find PM2.5 too.
    case digit
    /// Whitespace, punctuation, symbols: never searchable, only separate tokens.
    case separator

    /// How the search tokenizer treats the scalar `value`.
    @inlinable @inline(__always)
    public static func of(_ value: UInt32) -> ScalarClass {
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

    /// A Han ideograph: the basic block, extension A, the compatibility ideographs, and the
    /// supplementary planes' extensions B to H with the compatibility supplement.
    @inlinable @inline(__always)
    public static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF,   // CJK Unified Ideographs
             0x3400...0x4DBF,   // Extension A
             0xF900...0xFAFF,   // Compatibility Ideographs
             0x20000...0x323AF: // Extensions B–H, the Compatibility Supplement among them
            return true
        default:
            return false
        }
    }

    /// A Han ideograph (see `isHan(_:)` for the blocks).
    @inlinable
    public static func isHan(_ s: Unicode.Scalar) -> Bool { isHan(s.value) }

    /// Scripts written without spaces between words, which the tokenizer indexes as bigrams: Han,
    /// and 々 〇 because years are written 二〇二三年; radicals because PDF extraction sometimes
    /// yields ⼀ (U+2F00) for 一, and such text should at least be found by the same characters;
    /// kana and Hangul syllables.
    @inlinable @inline(__always)
    public static func isIdeograph(_ value: UInt32) -> Bool {
        if isHan(value) { return true }
        switch value {
        case 0x3005, 0x3007,    // 々 〇
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
    @inlinable @inline(__always)
    public static func halfWidth(_ value: UInt32) -> UInt32 {
        value >= 0xFF01 && value <= 0xFF5E ? value - 0xFEE0 : value
    }

    /// Full-width punctuation used in Chinese prose: 。，、；：？！“”‘’（）《》【】…—·
    public static func isChinesePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x2015, 0x00B7:
            return true
        default: return false
        }
    }

    /// Han or Chinese punctuation: the "Chinese context" in which half-width punctuation is widened
    /// and spaces next to digits are dropped.
    public static func isChineseContext(_ s: Unicode.Scalar) -> Bool {
        isHan(s) || isChinesePunctuation(s)
    }

    public static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    /// Spaces a PDF or web page may leave inside a line, the ideographic space included.
    public static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2002...0x200B, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }

    /// Columns the character takes in a monospaced Chinese layout (PDF extraction keeps
    /// that geometry, so line widths tell wrapped lines from paragraph ends).
    public static func displayWidth(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x1100...0x115F, 0x2014...0x2026, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Read from the UTF-8 bytes: every line of a report is measured, and only three-byte
    /// (U+0800…U+FFFF) and four-byte scalars can be wide.
    public static func displayWidth(of text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var width = 0
            var i = 0
            while i < utf8.count {
                let lead = utf8[i]
                if lead < 0xE0 {
                    i += lead < 0x80 ? 1 : 2
                    width += 1
                } else if lead < 0xF0 {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    width += displayWidth(Unicode.Scalar(value) ?? " ")
                    i += 3
                } else {
                    let value = UInt32(lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                        | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                    width += displayWidth(Unicode.Scalar(value) ?? " ")
                    i += 4
                }
            }
            return width
        }
    }

    /// Ends a sentence: 。！？； and their half-width forms.
    public static func isSentenceTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "!", "?", ";", "…": return true
        default: return false
        }
    }

    /// Closes a quotation or bracket; stays with the sentence it closes.
    public static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "”", "’", "」", "』", "）", ")", "》", "】", "\"", "'": return true
        default: return false
        }
    }
}
