import ChineseText

/// Decides which tokens can be keywords: whole dictionary words of at least two characters
/// that are not stop words and not numbers written in Chinese (一年, 第三次, 万元).
/// Place-name variants fold into one term (延庆区 → 延庆) so a district is not split in two.
struct TermFilter {
    let segmenter: Segmenter
    let stopWords: StopWordList
    var domain: DomainTermList? = nil

    /// Characters that make up counted quantities; a word of only these (with a numeral) is a number.
    private static let quantityCharacters = Set("〇零一二三四五六七八九十百千万亿两几第余多半年月日号次个项家条批倍成元亩吨米人户所座期届".unicodeScalars)
    private static let numerals = Set("〇零一二三四五六七八九十百千万亿两几".unicodeScalars)
    private static let placeSuffixes = Set("区县市省镇乡".unicodeScalars)

    /// The term a dictionary word (a token of kind `word`) counts as, or nil when it cannot be a keyword.
    func term(forWord word: String) -> String? {
        let scalars = word.unicodeScalars
        guard scalars.count >= 2, !isQuantity(scalars) else { return nil }
        let term = foldedPlaceName(word) ?? word
        return stopWords.contains(term) ? nil : term
    }

    /// The domain words that begin `term` (生态涵养 for 生态涵养区) and could be keywords themselves:
    /// 北京 begins 北京冬奥会 but is a stop word.
    func themeHeads(of term: String) -> [String] {
        (domain?.themeHeads(of: term) ?? []).filter { !stopWords.contains($0) }
    }

    private func isQuantity(_ scalars: String.UnicodeScalarView) -> Bool {
        scalars.allSatisfy(TermFilter.quantityCharacters.contains) && scalars.contains(where: TermFilter.numerals.contains)
    }

    /// 延庆区 → 延庆 when both are place names (tag ns) in the dictionaries.
    private func foldedPlaceName(_ word: String) -> String? {
        guard let last = word.unicodeScalars.last, TermFilter.placeSuffixes.contains(last),
              word.unicodeScalars.count >= 3, segmenter.tag(of: word) == "ns" else { return nil }
        let stem = String(String.UnicodeScalarView(word.unicodeScalars.dropLast()))
        guard segmenter.tag(of: stem) == "ns" else { return nil }
        return stem
    }
}
