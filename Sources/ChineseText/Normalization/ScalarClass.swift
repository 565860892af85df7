/// Character classes the normaliser, the sentence splitter and the parser all need.
/// They work on `Unicode.Scalar` because iterating `Character`s over Chinese text is slow.
public enum ScalarClass {
    /// A Han ideograph (the basic block, extension A and the compatibility block).
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
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
