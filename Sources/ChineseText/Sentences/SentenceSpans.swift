extension SentenceSplitter {
    /// Where the sentences of one paragraph lie, as Unicode-scalar offsets (`start..<end`),
    /// split exactly as `sentences(in:semicolons:)` splits them, surrounding spaces left out.
    /// Offsets rather than copies keep a document's sentence list small: a consumer slices
    /// the paragraph it already has (Python: `paragraph[start:end]`).
    public static func spans(in text: String, semicolons: Bool = true) -> [Range<Int>] {
        var result = [Range<Int>]()
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            guard ScalarClass.isSentenceTerminator(s), semicolons || (s != "；" && s != ";") else { continue }
            while i < scalars.count, ScalarClass.isSentenceTerminator(scalars[i]) || ScalarClass.isClosingMark(scalars[i]) {
                i += 1
            }
            appendTrimmed(&result, scalars, start..<i)
            start = i
        }
        appendTrimmed(&result, scalars, start..<scalars.count)
        return result
    }

    private static func appendTrimmed(_ result: inout [Range<Int>], _ scalars: [Unicode.Scalar], _ range: Range<Int>) {
        func isSpace(_ s: Unicode.Scalar) -> Bool { ScalarClass.isHorizontalSpace(s) || s == "\n" || s == "\r" }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
        if lower < upper { result.append(lower..<upper) }
    }
}
