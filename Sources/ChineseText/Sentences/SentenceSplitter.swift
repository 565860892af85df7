/// Splits Chinese prose into sentences at 。！？； (and their half-width forms and …),
/// never at commas or line breaks, keeping closing quotes and brackets with the sentence
/// they close: 他说：“好。”然后… → [他说：“好。”, 然后…].
public enum SentenceSplitter {
    /// - Parameter semicolons: whether ； ends a sentence. Figures quoted as evidence read
    ///   better with the whole 。-sentence, so callers may turn it off.
    public static func sentences(in text: String, semicolons: Bool = true) -> [String] {
        var result = [String]()
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            current.append(s)
            i += 1
            guard ScalarClass.isSentenceTerminator(s), semicolons || (s != "；" && s != ";") else { continue }
            // Runs like "！？" or "……" and the closing marks after them belong to this sentence.
            while i < scalars.count, ScalarClass.isSentenceTerminator(scalars[i]) || ScalarClass.isClosingMark(scalars[i]) {
                current.append(scalars[i])
                i += 1
            }
            appendTrimmed(&result, current)
            current = String.UnicodeScalarView()
        }
        appendTrimmed(&result, current)
        return result
    }

    private static func appendTrimmed(_ result: inout [String], _ sentence: String.UnicodeScalarView) {
        // Most sentences hold no line break: trim them without building a filtered copy first.
        let hasBreak = sentence.contains { $0 == "\n" || $0 == "\r" }
        let trimmed = TextNormalizer.trimmed(hasBreak ? sentence.filter { $0 != "\n" && $0 != "\r" } : sentence)
        if !trimmed.isEmpty { result.append(trimmed) }
    }
}
