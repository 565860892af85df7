/// Per-line repairs of what PDF extraction, word processors and web pages leave in Chinese
/// text: full-width digits, stray Markdown emphasis, half-width punctuation, and spaces
/// between Chinese and numbers (`2022 年` → `2022年`).
public enum InlineCleanup {
    public static func clean(_ line: String) -> String {
        var scalars = line.unicodeScalarArray
        narrowDigitsAndLetters(&scalars)
        removeMarkdownEmphasis(&scalars)
        widenPunctuation(&scalars)
        scalars = removeSpaces(scalars)
        removeContinuationMarkers(&scalars)
        return String(scalars: scalars)
    }

    /// Full-width digits, Latin letters, % and a full-width point between digits → ASCII,
    /// so numbers can be read by one scanner.
    static func narrowDigitsAndLetters(_ s: inout [Unicode.Scalar]) {
        for i in s.indices {
            let v = s[i].value
            if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) || v == 0xFF05 {
                s[i] = Unicode.Scalar(v - 0xFEE0)!
            } else if v == 0xFF0E, i > 0, i + 1 < s.count, ScalarClass.isASCIIDigit(s[i - 1]) || ScalarClass.isASCIIDigit(s[i + 1]) {
                s[i] = "."
            }
        }
    }

    /// Drops `**` (Markdown bold) wherever it appears; a single `*` may be a footnote mark, so it stays.
    static func removeMarkdownEmphasis(_ s: inout [Unicode.Scalar]) {
        guard s.count >= 2 else { return }
        var out = [Unicode.Scalar]()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "*", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i < s.count, s[i] == "*" { i += 1 }
                continue
            }
            out.append(s[i])
            i += 1
        }
        s = out
    }

    /// Half-width , : ; ( ) ! ? become full-width when the nearest non-space neighbour on
    /// either side is Chinese. Digits on both sides (1,000 or 8:30) keep them half-width.
    /// A "(" and its matching ")" are widened together so brackets never end up mixed.
    static func widenPunctuation(_ s: inout [Unicode.Scalar]) {
        var openParens = [(index: Int, widened: Bool)]()
        for i in s.indices {
            let c = s[i]
            guard let wide = fullWidth(c) else { continue }
            if c == ")", let open = openParens.popLast() {
                if open.widened { s[i] = wide }
                continue
            }
            let chinese = neighbour(of: i, in: s, step: -1).map(ScalarClass.isChineseContext) == true
                || neighbour(of: i, in: s, step: 1).map(ScalarClass.isChineseContext) == true
            if c == "(" {
                openParens.append((i, chinese))
            }
            if chinese { s[i] = wide }
        }
    }

    private static func fullWidth(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case ",": return "，"
        case ":": return "："
        case ";": return "；"
        case "(": return "（"
        case ")": return "）"
        case "!": return "！"
        case "?": return "？"
        default: return nil
        }
    }

    private static func neighbour(of i: Int, in s: [Unicode.Scalar], step: Int) -> Unicode.Scalar? {
        var j = i + step
        while j >= 0 && j < s.count {
            if !ScalarClass.isHorizontalSpace(s[j]) { return s[j] }
            j += step
        }
        return nil
    }

    /// Trims the line; drops spaces next to Chinese punctuation and between Chinese and
    /// ASCII (`367 亿元`, `增长 2% 左右`, `VEP 核算`); collapses the rest (between two Han
    /// characters, or inside Latin text) to one space, since there they separate words.
    static func removeSpaces(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out = [Unicode.Scalar]()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            guard ScalarClass.isHorizontalSpace(s[i]) else {
                out.append(s[i])
                i += 1
                continue
            }
            var j = i
            while j < s.count, ScalarClass.isHorizontalSpace(s[j]) { j += 1 }
            if let before = out.last, j < s.count, keepsSpace(between: before, and: s[j]) {
                out.append(" ")
            }
            i = j
        }
        return out
    }

    /// A newspaper's "（下转第四版）" / "（上接第一版）" says where the article goes on; it is
    /// not report text, and left in place it splits a sentence in two.
    static func removeContinuationMarkers(_ s: inout [Unicode.Scalar]) {
        var i = 0
        while i < s.count {
            guard s[i] == "（" || s[i] == "【", i + 3 < s.count,
                  (s[i + 1] == "下" || s[i + 1] == "上") && (s[i + 2] == "转" || s[i + 2] == "接") else { i += 1; continue }
            let close: Unicode.Scalar = s[i] == "（" ? "）" : "】"
            var j = i + 3
            while j < s.count, j - i <= 12, s[j] != close { j += 1 }
            guard j < s.count, s[j] == close, s[j - 1] == "版" || s[j - 1] == "页" else { i += 1; continue }
            s.removeSubrange(i...j)
        }
    }

    private static func keepsSpace(between a: Unicode.Scalar, and b: Unicode.Scalar) -> Bool {
        if ScalarClass.isChinesePunctuation(a) || ScalarClass.isChinesePunctuation(b) { return false }
        let aHan = ScalarClass.isHan(a), bHan = ScalarClass.isHan(b)
        if aHan && bHan { return true }
        return !aHan && !bHan
    }
}
