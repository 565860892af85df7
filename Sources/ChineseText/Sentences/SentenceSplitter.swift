/// Splits Chinese prose into sentences at 。！？； (and their half-width forms and …),
/// never at commas or line breaks, keeping closing quotes and brackets with the sentence
/// they close: 他说：“好。”然后… → [他说：“好。”, 然后…].
public enum SentenceSplitter {
    /// - Parameter semicolons: whether ； ends a sentence. Figures quoted as evidence read
    ///   better with the whole 。-sentence, so callers may turn it off.
    public static func sentences(in text: String, semicolons: Bool = true) -> [String] {
        sentenceScalars(in: text.unicodeScalarArray, semicolons: semicolons).map { String(scalars: $0) }
    }

    /// The same sentences as scalars, for callers that scan them scalar by scalar anyway:
    /// no string is built only to be taken apart again.
    public static func sentenceScalars(in scalars: [Unicode.Scalar], semicolons: Bool = true) -> [[Unicode.Scalar]] {
        var result = [[Unicode.Scalar]]()
        var start = 0
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            guard ScalarClass.isSentenceTerminator(s), semicolons || (s != "；" && s != ";") else { continue }
            // Runs like "！？" or "……" and the closing marks after them belong to this sentence.
            while i < scalars.count, ScalarClass.isSentenceTerminator(scalars[i]) || ScalarClass.isClosingMark(scalars[i]) {
                i += 1
            }
            appendTrimmed(&result, scalars[start..<i])
            start = i
        }
        appendTrimmed(&result, scalars[start...])
        return result
    }

    /// Line breaks dropped, then the horizontal space at either end.
    private static func appendTrimmed(_ result: inout [[Unicode.Scalar]], _ sentence: ArraySlice<Unicode.Scalar>) {
        // Most sentences hold no line break: trim them without building a filtered copy first.
        let hasBreak = sentence.contains { $0 == "\n" || $0 == "\r" }
        let unbroken = hasBreak ? sentence.filter { $0 != "\n" && $0 != "\r" }[...] : sentence
        guard let first = unbroken.firstIndex(where: { !ScalarClass.isHorizontalSpace($0) }),
              let last = unbroken.lastIndex(where: { !ScalarClass.isHorizontalSpace($0) }) else { return }
        result.append(Array(unbroken[first...last]))
    }
}
