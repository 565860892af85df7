extension SentenceSplitter {
    /// Where the sentences of one paragraph lie, as Unicode-scalar offsets (`start..<end`),
    /// split exactly as `sentences(in:semicolons:)` splits them, surrounding spaces left out.
    /// Offsets rather than copies keep a document's sentence list small: a consumer slices
    /// the paragraph it already has (Python: `paragraph[start:end]`). One pass, no copy of
    /// the paragraph: it runs over every paragraph of every report.
    public static func spans(in text: String, semicolons: Bool = true) -> [Range<Int>] {
        var result = [Range<Int>]()
        var first: Int?          // first non-space scalar of the current sentence
        var lastEnd = 0          // just past its last non-space scalar
        var closing = false      // inside the run of terminators and closing marks ending it
        var i = 0
        for s in text.unicodeScalars {
            if closing && !(ScalarClass.isSentenceTerminator(s) || ScalarClass.isClosingMark(s)) {
                if let start = first { result.append(start..<lastEnd) }
                first = nil
                closing = false
            }
            if !(ScalarClass.isHorizontalSpace(s) || s == "\n" || s == "\r") {
                if first == nil { first = i }
                lastEnd = i + 1
            }
            if ScalarClass.isSentenceTerminator(s), semicolons || (s != "；" && s != ";") { closing = true }
            i += 1
        }
        if let start = first { result.append(start..<lastEnd) }
        return result
    }
}
