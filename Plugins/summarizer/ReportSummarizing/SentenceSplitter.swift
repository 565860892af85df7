/// Whole sentences of one paragraph: text up to 。！？； (or their half-width forms) plus any
/// closing quotes or brackets right after. A terminator inside quotes or brackets does not end
/// the sentence, so a quoted sentence stays part of the one that quotes it. Text after the last
/// terminator is a fragment and is dropped: the summary must never show a cut-off sentence.
/// (A small private splitter: the shared one in ChineseText is written elsewhere.)
enum SentenceSplitter {
    private static let terminators: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
    private static let openers: Set<Unicode.Scalar> = ["“", "‘", "（", "(", "「", "『", "《", "【"]
    private static let closers: Set<Unicode.Scalar> = ["”", "’", "）", ")", "」", "』", "》", "】"]

    static func sentences(of paragraph: String) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        let nested = split(scalars, respectNesting: true)
        // Unbalanced quotes (a lost closing mark) would swallow the rest of the paragraph;
        // then plain splitting is the lesser evil.
        return nested.isEmpty ? split(scalars, respectNesting: false) : nested
    }

    private static func split(_ scalars: [Unicode.Scalar], respectNesting: Bool) -> [String] {
        var sentences: [String] = []
        var start = 0
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if openers.contains(scalar) { depth += 1 }
            if closers.contains(scalar) { depth = max(0, depth - 1) }
            index += 1
            guard terminators.contains(scalar), !respectNesting || depth == 0 else { continue }
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
