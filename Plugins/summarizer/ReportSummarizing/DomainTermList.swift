import Foundation

/// The words of our domain dictionary (`Config/dict/domain.txt`, jieba's `word frequency tag`
/// format). Keyword ranking needs to know which words are the genre's named themes: when one of
/// them begins a longer one (生态涵养 in 生态涵养区, 冬奥 in 冬奥会), the longer word is a mention
/// of the theme, even in a report that never writes the short word on its own.
///
/// Its words tagged `ns` are places: a curated list (districts, towns, provinces, landmarks),
/// unlike jieba's own `ns` tags, which also fall on 美丽, 中国, 东路 and 都市.
public struct DomainTermList: Sendable {
    private let words: Set<TermKey>
    private let places: Set<TermKey>

    public init(words: Set<String>, places: Set<String> = []) {
        self.words = Set(words.union(places).map(TermKey.init))
        self.places = Set(places.map(TermKey.init))
    }

    /// Reads the first field of every line, and the third where it is `ns`; blank lines and `#`
    /// comments are ignored.
    public init(contentsOf url: URL) throws {
        var words: Set<String> = []
        var places: Set<String> = []
        for line in try WordListFile.lines(of: url) {
            let fields = line.text.split(whereSeparator: \.isWhitespace)
            guard let word = fields.first.map(String.init) else { continue }
            words.insert(word)
            if fields.count >= 3, fields[2] == "ns" { places.insert(word) }
        }
        self.init(words: words, places: places)
    }

    public func contains(_ word: String) -> Bool {
        words.contains(TermKey(word))
    }

    /// Whether the dictionary tags `word` as a place (`ns`).
    public func isPlace(_ word: String) -> Bool {
        places.contains(TermKey(word))
    }

    /// The domain words that begin `word` and are shorter than it, at least two characters long.
    func themeHeads(of word: String) -> [String] {
        guard word.unicodeScalars.count > 2, contains(word) else { return [] }
        return word.scalarPrefixes(minimumLength: 2).filter(contains)
    }
}
