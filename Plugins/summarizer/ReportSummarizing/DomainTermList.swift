import Foundation

/// The words of our domain dictionary (`Config/dict/domain.txt`, jieba's `word frequency tag`
/// format). Keyword ranking needs to know which words are the genre's named themes: when one of
/// them begins a longer one (生态涵养 in 生态涵养区, 冬奥 in 冬奥会), the longer word is a mention
/// of the theme, even in a report that never writes the short word on its own.
public struct DomainTermList: Sendable {
    private let words: Set<TermKey>

    public init(words: Set<String>) {
        self.words = Set(words.map(TermKey.init))
    }

    /// Reads the first field of every line; blank lines and `#` comments are ignored.
    public init(contentsOf url: URL) throws {
        words = Set(try WordListFile.lines(of: url).compactMap { line in
            line.text.split(whereSeparator: \.isWhitespace).first.map { TermKey(String($0)) }
        })
    }

    public func contains(_ word: String) -> Bool {
        words.contains(TermKey(word))
    }

    /// The domain words that begin `word` and are shorter than it, at least two characters long.
    func themeHeads(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 2, contains(word) else { return [] }
        return (2..<scalars.count).map { String(String.UnicodeScalarView(scalars[0..<$0])) }.filter(contains)
    }
}
