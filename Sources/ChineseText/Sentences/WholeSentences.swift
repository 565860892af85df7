import Foundation

extension SentenceSplitter {
    private static let wholeSentenceTerminators: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
    private static let openers: Set<Unicode.Scalar> = ["“", "‘", "（", "(", "「", "『", "《", "【"]
    private static let closers: Set<Unicode.Scalar> = ["”", "’", "）", ")", "」", "』", "》", "】"]

    /// The whole sentences of one paragraph, for text shown to readers (summaries): up to
    /// 。！？； (or half-width forms) plus the closing quotes or brackets right after. A terminator
    /// inside quotes or brackets does not end the sentence, so a quoted sentence stays part of
    /// the one that quotes it, and text after the last terminator is a fragment and is dropped.
    public static func wholeSentences(of paragraph: String) -> [String] {
        let scalars = paragraph.unicodeScalarArray
        let nested = splitWhole(scalars, respectNesting: true)
        // Unbalanced quotes (a lost closing mark) would swallow the rest of the paragraph;
        // then plain splitting is the lesser evil.
        return nested.isEmpty ? splitWhole(scalars, respectNesting: false) : nested
    }

    private static func splitWhole(_ scalars: [Unicode.Scalar], respectNesting: Bool) -> [String] {
        var sentences: [String] = []
        var start = 0
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if openers.contains(scalar) { depth += 1 }
            if closers.contains(scalar) { depth = max(0, depth - 1) }
            index += 1
            guard wholeSentenceTerminators.contains(scalar), !respectNesting || depth == 0 else { continue }
            while index < scalars.count, closers.contains(scalars[index]) {
                index += 1
                depth = max(0, depth - 1)
            }
            let sentence = String(String.UnicodeScalarView(scalars[start..<index]))
                .trimmingCharacters(in: .whitespaces)
            if !sentence.isEmpty { sentences.append(sentence) }
            start = index
        }
        return sentences
    }
}
