import Foundation

/// Dictionary-based Chinese word segmentation the way jieba does it: a prefix dictionary gives,
/// for every position, the words that start there (a DAG); dynamic programming from right to
/// left picks the path with the highest product of word probabilities; runs of characters left
/// single are handed to an HMM that can recognise words no dictionary has. Latin letters and
/// digits form tokens of their own. Immutable after loading, so one instance serves all threads.
public final class Segmenter: Sendable {
    /// Where Debian's python3-jieba puts its word-frequency dictionary.
    public static let debianDictionary = URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/dict.txt")

    /// Which files segment the text, with word counts and SHA-256 prefixes, e.g.
    /// "dict.txt 349046 words sha256:1a2b3c4d5e6f + domain.txt 402 words sha256:… + HMM finalseg".
    public let dictionaryVersion: String
    /// Distinct words across all dictionaries.
    public let wordCount: Int

    /// The words, their prefixes and each one's log(frequency / total).
    let table: WordTable
    /// What jieba charges a character that is in no dictionary: log(1 / total).
    let logUnknown: Double
    let hmm: HMMModel?

    /// Loads the dictionaries in order; a word in a later one overrides an earlier one's
    /// frequency and tag. Pass `hmm` to let unknown words be recognised, nil to keep them as
    /// single characters.
    public init(dictionaries: [URL], hmm: HMMModel? = nil) throws {
        guard !dictionaries.isEmpty else { throw SegmenterError.noDictionaries }
        // jieba's dict.txt has about one word or word prefix per 10 bytes (5 MB, 499,000 with
        // domain.txt's): sized from that the table starts at 2^20 slots and never grows, while an
        // overestimate would double it to 32 MB and slow every probe with TLB misses.
        let expectedEntries = dictionaries.reduce(0) { total, url in
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            return total + size / 10
        }
        var table = WordTable(expectedEntries: expectedEntries)
        var files: [DictionaryFile] = []
        for url in dictionaries {
            files.append(try DictionaryFile.load(url, into: &table))
        }
        table.assignLogProbabilities()
        self.logUnknown = -log(Double(table.totalFrequency))
        self.table = table
        self.hmm = hmm
        self.wordCount = table.wordCount
        var parts = files.map { "\($0.name) \($0.wordCount) words sha256:\($0.sha256.prefix(12))" }
        if hmm != nil { parts.append("HMM finalseg") }
        self.dictionaryVersion = parts.joined(separator: " + ")
    }

    /// The jieba dictionary (from `REPORTD_JIEBA_DICT`, else Debian's path), then the domain
    /// dictionary if given, with jieba's HMM (from `REPORTD_JIEBA_HMM`, else Debian's finalseg).
    public static func standard(domainDictionary: URL? = nil) throws -> Segmenter {
        let environment = ProcessInfo.processInfo.environment
        let jieba = environment["REPORTD_JIEBA_DICT"].map { URL(fileURLWithPath: $0) } ?? debianDictionary
        let hmmDirectory = environment["REPORTD_JIEBA_HMM"].map { URL(fileURLWithPath: $0) } ?? HMMModel.debianDirectory
        let hmm = try HMMModel(directory: hmmDirectory)
        return try Segmenter(dictionaries: [jieba] + (domainDictionary.map { [$0] } ?? []), hmm: hmm)
    }

    /// The words of `text` in order; whitespace is dropped, punctuation kept as one-character tokens.
    public func segment(_ text: String) -> [String] {
        tokens(text).map(\.text)
    }

    /// Whether `word` is a word of its own in one of the dictionaries (not merely a prefix).
    public func isDictionaryWord(_ word: String) -> Bool {
        frequency(of: word) != nil
    }

    /// The word's frequency after all dictionaries were merged, nil when it is no word.
    public func frequency(of word: String) -> Int? {
        guard let slot = table.lookup(word.unicodeScalars.lazy.map(\.value)) else { return nil }
        let frequency = table.entryFrequency[Int(slot.entry)]
        return frequency > 0 ? frequency : nil
    }

    /// The part-of-speech tag the dictionaries give the word ("ns" for place names), nil when
    /// the word is unknown or has no tag.
    public func tag(of word: String) -> String? {
        guard let slot = table.lookup(word.unicodeScalars.lazy.map(\.value)),
              table.entryFrequency[Int(slot.entry)] > 0 else { return nil }
        let tag = table.tags[Int(table.entryTag[Int(slot.entry)])]
        return tag.isEmpty ? nil : tag
    }
}
