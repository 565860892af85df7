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
    ///
    /// Only the clauses around the occurrences are segmented: the segmenter cuts every run of
    /// Chinese text on its own, so the words of a clause between two punctuation marks or
    /// spaces are the same whether it is segmented alone or in its paragraph, and a search
    /// segments the best paragraph of up to `SearchIndex.rerankDepth` reports.
    static func best(of terms: [SearchQuery.Term], in paragraph: String, segmenter: Segmenter) -> WordMatch? {
        let scalars = Array(paragraph.unicodeScalars)
        var folded: [UInt32] = []
        var origin: [Int] = []
        for (index, scalar) in scalars.enumerated() where !TextFolding.isWhitespace(scalar) {
            folded.append(TextFolding.fold(scalar))
            origin.append(index)
        }
        var clauses: [Range<Int>] = []
        for term in terms {
            let needle = TextFolding.foldedScalars(term.text)
            for start in TextFolding.occurrences(of: needle, in: folded) {
                var lower = origin[start]
                while lower > 0 && !isClauseBreak(scalars[lower - 1]) { lower -= 1 }
                var upper = origin[start + needle.count - 1] + 1
                while upper < scalars.count && !isClauseBreak(scalars[upper]) { upper += 1 }
                if !clauses.contains(lower..<upper) { clauses.append(lower..<upper) }
            }
        }
        var best: WordMatch?
        for clause in clauses {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[clause])
            guard let match = bestInSegmented(terms, String(text), segmenter) else { continue }
            if best == nil || match > best! { best = match }
            if match == .wholeWords { return match }
        }
        return best
    }

    /// Where the segmenter always ends a word: whitespace and non-ASCII punctuation (，。、“).
    /// ASCII punctuation is not one: the segmenter reads 2.5 and 50% as single numbers.
    private static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        TextFolding.isWhitespace(scalar) || (scalar.value >= 0x80 && ScalarClass.of(ScalarClass.halfWidth(scalar.value)) == .separator)
    }

    private static func bestInSegmented(_ terms: [SearchQuery.Term], _ paragraph: String, _ segmenter: Segmenter) -> WordMatch? {
        let text = TextFolding.foldedScalars(paragraph)
        // Word boundaries as offsets into the same whitespace-free scalars the terms are looked up in.
        var boundaries = Set([0])
        var position = 0
        for token in segmenter.tokens(paragraph) {
            position += token.text.unicodeScalars.reduce(0) { $0 + (TextFolding.isWhitespace($1) ? 0 : 1) }
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
