import Foundation

/// One query term, found in a single paragraph's UTF-8 bytes exactly where FTS5 would match it.
///
/// The index matches whole reports; the paragraphs a hit shows, the section filter and the
/// ranking of paragraphs need to know which paragraphs hold a term. FTS5 matches a term where
/// the document has its units (ideographs, lowercase words) at consecutive positions, and where
/// two ideographs touch in the term (a bigram) they must touch in the document too; ideographs
/// the term separates may touch or not. A term that is one run of ideographs, the usual query,
/// therefore matches exactly where its bytes occur, and is found by a byte search; other terms
/// (2022年, PM2.5, "冬奥 服务") compare units.
struct TermPattern {
    private let units: [TextUnit]
    /// The term's bytes when it is a single run of ideographs.
    private let literal: [UInt8]?

    init(_ term: SearchQuery.Term) {
        var bytes = Array(term.text.utf8)
        let units = bytes.withUnsafeMutableBufferPointer { TextUnit.units(of: UnsafeBufferPointer($0)) }
        self.units = units
        let isOneRun = units.enumerated().allSatisfy { index, unit in
            guard case let .ideograph(_, joined) = unit else { return false }
            return joined || index == units.count - 1
        }
        if isOneRun && !units.isEmpty {
            var literal: [UInt8] = []
            for case let .ideograph(value, _) in units { UTF8Scalars.append(value, to: &literal) }
            self.literal = literal
        } else {
            literal = nil
        }
    }

    /// Whether there is anything to find (a term of punctuation only has no units).
    var isEmpty: Bool { units.isEmpty }

    /// How often the term occurs in `paragraph`.
    func occurrences(in paragraph: UnsafeBufferPointer<UInt8>) -> Int {
        if let literal { return ByteSearch.count(of: literal, in: paragraph) }
        guard !units.isEmpty else { return 0 }
        let text = TextUnit.units(of: paragraph)
        guard text.count >= units.count else { return 0 }
        var found = 0
        for start in 0...(text.count - units.count) where matches(at: start, in: text) { found += 1 }
        return found
    }

    private func matches(at start: Int, in text: [TextUnit]) -> Bool {
        for (offset, unit) in units.enumerated() {
            switch (unit, text[start + offset]) {
            case let (.ideograph(wanted, mustJoin), .ideograph(found, joined)):
                guard wanted == found, !mustJoin || offset == units.count - 1 || joined else { return false }
            case let (.word(wanted), .word(found)):
                guard wanted == found else { return false }
            default:
                return false
            }
        }
        return true
    }
}

/// One position of the tokenizer: an ideograph (and whether the next scalar is an ideograph,
/// which makes the bigram), or a lowercase word of letters or digits. Separators take none.
enum TextUnit: Equatable {
    case ideograph(UInt32, joined: Bool)
    case word([UInt8])

    static func units(of text: UnsafeBufferPointer<UInt8>) -> [TextUnit] {
        var units: [TextUnit] = []
        var offset = 0
        while offset < text.count {
            let (raw, length) = UTF8Scalars.decode(text, at: offset)
            let value = ScalarClass.halfWidth(raw)
            switch ScalarClass.of(value) {
            case .separator:
                offset += length
            case .ideograph:
                offset += length
                let joined = offset < text.count && ScalarClass.isIdeograph(UTF8Scalars.decode(text, at: offset).value)
                units.append(.ideograph(value, joined: joined))
            case let kind:
                var word: [UInt8] = []
                while offset < text.count {
                    let (wordRaw, wordLength) = UTF8Scalars.decode(text, at: offset)
                    let wordValue = ScalarClass.halfWidth(wordRaw)
                    guard ScalarClass.of(wordValue) == kind else { break }
                    BigramScanner.appendLowercased(wordValue, to: &word)
                    offset += wordLength
                }
                units.append(.word(word))
            }
        }
        return units
    }
}

/// Plain byte search, for terms that are runs of ideographs in UTF-8 (self-synchronising, so a
/// byte match is always a match of whole scalars).
enum ByteSearch {
    static func count(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress else { return 0 }
        var found = 0
        var index = 0
        let last = haystack.count - needle.count
        needle.withUnsafeBufferPointer { pattern in
            while index <= last {
                guard let hit = memchr(base + index, Int32(first), last - index + 1) else { break }
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 {
                    found += 1
                    index = position + pattern.count
                } else {
                    index = position + 1
                }
            }
        }
        return found
    }
}
