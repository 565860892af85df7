import Foundation

/// In how many reports of our own corpus each keyword candidate occurs.
///
/// jieba's IDF comes from general text, where 乡镇, 园区 and 旅游 are rare and so look distinctive;
/// in government work reports every district says them. Counting documents in a corpus of such
/// reports tells the stock vocabulary of the genre from what sets one report apart.
/// File format: a line `@documents N`, then `word count` lines; `#` comments.
public struct DocumentFrequencyTable: Sendable {
    public let documents: Int
    private let counts: [TermKey: Int]

    public init(documents: Int, counts: [String: Int]) {
        self.documents = documents
        self.counts = Dictionary(uniqueKeysWithValues: counts.map { (TermKey($0.key), $0.value) })
    }

    public init(contentsOf url: URL) throws {
        var documents: Int?
        var counts: [String: Int] = [:]
        for line in try WordListFile.lines(of: url) {
            let fields = line.text.split(whereSeparator: \.isWhitespace)
            guard fields.count == 2, let count = Int(fields[1]), count >= 0 else {
                throw SummarizerError.malformedLine(path: url.path, line: line.number, reason: "expected `word count` or `@documents N`")
            }
            if fields[0] == "@documents" { documents = count } else { counts[String(fields[0])] = count }
        }
        guard let documents, documents > 0 else {
            throw SummarizerError.malformedLine(path: url.path, line: 1, reason: "no `@documents N` line with N > 0")
        }
        self.init(documents: documents, counts: counts)
    }

    /// Counts each document's distinct terms once.
    public init(documentTerms: [[String]]) {
        var counts: [String: Int] = [:]
        for terms in documentTerms {
            for term in Set(terms) { counts[term, default: 0] += 1 }
        }
        self.init(documents: documentTerms.count, counts: counts)
    }

    public func count(of term: String) -> Int { counts[TermKey(term)] ?? 0 }

    /// Smoothed inverse document frequency, ln((N + 1) / (df + 1)) + 1: 1 for a word every report
    /// uses, ln(N + 1) + 1 for one none of them does.
    public func weight(_ term: String) -> Double {
        log(Double(documents + 1) / Double(count(of: term) + 1)) + 1
    }

    /// The file text: `@documents N`, then terms by falling count, then by term, so the file diffs well.
    public func serialized(comment: String) -> String {
        let lines = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.text < $1.key.text }.map { "\($0.key.text) \($0.value)" }
        return (comment.split(separator: "\n").map { "# \($0)" } + ["@documents \(documents)"] + lines).joined(separator: "\n") + "\n"
    }
}
