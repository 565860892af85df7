import ChineseText

/// How a query term sits among the words of the paragraph it was found in.
///
/// The bigram index finds any run of characters, so 量发 matches 高质量发展, where it straddles
/// two words and means nothing. The segmenter knows the words; a report whose best paragraph
/// holds the term as whole words is what the user asked for, one holding it only across a word
/// boundary is a coincidence of characters.
enum WordMatch: Int, Comparable {
    /// Every occurrence straddles a word boundary (量发 in 高质量/发展).
    case acrossWords
    /// Inside one longer word (冬奥 in 冬奥会): related, but not the word itself.
    case insideWord
    /// Starts and ends on word boundaries: the word itself, or a run of whole words.
    case wholeWords

    /// What the report's BM25 score is multiplied by.
    var boost: Double {
        switch self {
        case .acrossWords: 1.0
        case .insideWord: 1.25
        case .wholeWords: 1.5
        }
    }

    static let maximumBoost = WordMatch.wholeWords.boost

    static func < (left: WordMatch, right: WordMatch) -> Bool { left.rawValue < right.rawValue }

    /// The best way any term occurs in `paragraph`; nil when no term occurs literally (a phrase
    /// matched across punctuation) or the words cannot be lined up with the text.
    static func best(of terms: [SearchQuery.Term], in paragraph: String, segmenter: Segmenter) -> WordMatch? {
        let text = TextFolding.foldedScalars(paragraph)
        // Word boundaries as offsets into the same whitespace-free scalars the terms are looked up in.
        var boundaries = Set([0])
        var position = 0
        for token in segmenter.tokens(paragraph) {
            position += token.text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            boundaries.insert(position)
        }
        guard position == text.count else { return nil }
        var best: WordMatch?
        for term in terms {
            let needle = TextFolding.foldedScalars(term.text)
            for start in TextFolding.occurrences(of: needle, in: text) {
                let end = start + needle.count
                let match: WordMatch
                if boundaries.contains(start) && boundaries.contains(end) {
                    match = .wholeWords
                } else if !((start + 1)..<end).contains(where: boundaries.contains) {
                    match = .insideWord
                } else {
                    match = .acrossWords
                }
                if best == nil || match > best! { best = match }
                if match == .wholeWords { return match }
            }
        }
        return best
    }
}
