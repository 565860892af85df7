/// Turns decoded report text into clean paragraphs: web furniture removed, inline spacing and
/// punctuation repaired, hard-wrapped lines joined, headings kept as paragraphs of their own.
public enum TextNormalizer {
    public static func paragraphs(from text: String) -> [String] {
        let rawLines = lines(of: text)
        var cleaned = [String]()
        cleaned.reserveCapacity(rawLines.count)
        for line in WebJunkFilter.filter(rawLines) where !line.isEmpty && !isPageNumber(line) {
            for part in splitBoldLeadAfterHeading(line) {
                let clean = InlineCleanup.clean(part)
                if !clean.isEmpty { cleaned.append(clean) }
            }
        }
        return ParagraphBuilder(lines: cleaned).build()
    }

    /// Lines with surrounding spaces (ideographic ones included) trimmed; blank lines kept as "".
    /// Breaks are \n, \r\n, \r, form feed (a PDF page), U+2028 and U+2029. Split on the
    /// UTF-8 bytes: appending scalar by scalar cost more than the rest of the normaliser.
    static func lines(of text: String) -> [String] {
        var result = [String]()
        var text = text
        text.withUTF8 { bytes in
            func finish(_ range: Range<Int>) {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                let scalars = line.unicodeScalars
                if let first = scalars.first, let last = scalars.last,
                   !ScalarClass.isHorizontalSpace(first) && !ScalarClass.isHorizontalSpace(last) {
                    result.append(line)
                } else {
                    result.append(trimmed(scalars))
                }
            }
            var start = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var breakLength = 0
                if b == 0x0A || b == 0x0D || b == 0x0C {
                    breakLength = b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    breakLength = 3
                }
                guard breakLength > 0 else { i += 1; continue }
                finish(start..<i)
                i += breakLength
                start = i
            }
            finish(start..<bytes.count)
        }
        return result
    }

    static func trimmed(_ s: String.UnicodeScalarView) -> String {
        guard let first = s.firstIndex(where: { !ScalarClass.isHorizontalSpace($0) }),
              let last = s.lastIndex(where: { !ScalarClass.isHorizontalSpace($0) }) else { return "" }
        return String(s[first...last])
    }

    /// "- 3 -", "— 12 —", "3", "第 1 页 共 30 页", "3/30": page numbers left by PDF extraction.
    static func isPageNumber(_ line: String) -> Bool {
        var digits = 0
        var saysPage = false
        for s in line.unicodeScalars {
            if ScalarClass.isASCIIDigit(s) { digits += 1; continue }
            switch s {
            case "页": saysPage = true
            case "-", "—", "–", " ", "\u{3000}", "第", "共", "/": continue
            default: return false
            }
        }
        return digits > 0 && digits <= (saysPage ? 8 : 4)
    }

    /// A word processor's bold lead phrase glued to a sub-section heading
    /// ("（二）…初步形成**文化保护传承深入开展**。…") starts the body: split it off
    /// before the emphasis marks are dropped, so the heading stays a paragraph of its own.
    static func splitBoldLeadAfterHeading(_ line: String) -> [String] {
        guard HeadingMarker.parse(line) != nil, let offset = line.utf8Offset(of: "**"), offset > 0 else { return [line] }
        let bold = line.utf8.index(line.utf8.startIndex, offsetBy: offset)
        return [String(line[..<bold]), String(line[bold...])]
    }
}
