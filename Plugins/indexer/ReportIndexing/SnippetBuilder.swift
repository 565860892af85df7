/// Readable text around the first match in a paragraph, the match wrapped in 【】.
///
/// Computed from the original text rather than with FTS5's snippet(), whose output follows
/// tokens and would repeat characters of overlapping bigrams.
enum SnippetBuilder {
    /// Scalars of context kept on each side of the match.
    static let context = 30

    static func snippet(of paragraph: String, terms: [SearchQuery.Term]) -> String {
        let scalars = Array(paragraph.unicodeScalars)
        guard let match = firstMatch(in: scalars, terms: terms) else {
            let end = min(scalars.count, 2 * context)
            return text(scalars[0..<end]) + (end < scalars.count ? "…" : "")
        }
        let start = max(0, match.lowerBound - context)
        let end = min(scalars.count, match.upperBound + context)
        return (start > 0 ? "…" : "")
            + text(scalars[start..<match.lowerBound])
            + "【" + text(scalars[match]) + "】"
            + text(scalars[match.upperBound..<end])
            + (end < scalars.count ? "…" : "")
    }

    /// The earliest occurrence of any term, compared the way the tokenizer compares:
    /// full-width folded, case-insensitive, whitespace ignored (2022年 finds 2022 年).
    static func firstMatch(in scalars: [Unicode.Scalar], terms: [SearchQuery.Term]) -> Range<Int>? {
        var folded: [UInt32] = []
        var origin: [Int] = []
        for (index, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace {
            folded.append(fold(scalar))
            origin.append(index)
        }
        var best: Range<Int>?
        for term in terms {
            let needle = term.text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(fold)
            guard !needle.isEmpty, let found = firstIndex(of: needle, in: folded) else { continue }
            let range = origin[found]..<(origin[found + needle.count - 1] + 1)
            if best == nil || range.lowerBound < best!.lowerBound { best = range }
        }
        return best
    }

    private static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = ScalarClass.halfWidth(scalar.value)
        return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
    }

    private static func firstIndex(of needle: [UInt32], in haystack: [UInt32]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return start
        }
        return nil
    }

    /// Cuts land on scalar boundaries; a cut through a combining sequence only loses the mark.
    private static func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        return String(view)
    }
}
