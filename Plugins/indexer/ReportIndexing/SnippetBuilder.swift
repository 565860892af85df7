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

    /// The earliest occurrence of any term, compared the way the tokenizer compares (`TextFolding`).
    static func firstMatch(in scalars: [Unicode.Scalar], terms: [SearchQuery.Term]) -> Range<Int>? {
        var folded: [UInt32] = []
        var origin: [Int] = []
        for (index, scalar) in scalars.enumerated() where !TextFolding.isWhitespace(scalar) {
            folded.append(TextFolding.fold(scalar))
            origin.append(index)
        }
        var best: Range<Int>?
        for term in terms {
            let needle = TextFolding.foldedScalars(term.text)
            guard let found = TextFolding.occurrences(of: needle, in: folded).first else { continue }
            let range = origin[found]..<(origin[found + needle.count - 1] + 1)
            if best == nil || range.lowerBound < best!.lowerBound { best = range }
        }
        return best
    }

    /// Cuts land on scalar boundaries; a cut through a combining sequence only loses the mark.
    private static func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        return String(view)
    }
}
