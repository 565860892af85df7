import Foundation

/// Words never worth a keyword: function words and the stock phrases every government report
/// repeats (建设 发展 推进 …), so each report's own themes can rank first.
public struct StopWordList: Sendable {
    private let words: Set<TermKey>

    /// Words separated by whitespace, any number a line; blank lines and `#` comments are ignored.
    public init(contentsOf url: URL) throws {
        words = Set(try WordListFile.lines(of: url).flatMap { line in
            line.text.split(whereSeparator: \.isWhitespace).map { TermKey(String($0)) }
        })
    }

    public func contains(_ word: String) -> Bool {
        words.contains(TermKey(word))
    }

    public var count: Int { words.count }
}
