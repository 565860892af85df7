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

    /// How often the term occurs in each paragraph of `report`. A single run of ideographs is
    /// looked for once in the whole text (it cannot span a paragraph break).
    func occurrences(in report: StoredParagraphs) -> [Int] {
        guard let literal else {
            return report.bytes.withUnsafeBufferPointer { bytes in
                report.ranges.map { occurrences(in: UnsafeBufferPointer(rebasing: bytes[$0])) }
            }
        }
        var counts = [Int](repeating: 0, count: report.count)
        report.bytes.withUnsafeBufferPointer { bytes in
            ByteSearch.forEach(literal, in: bytes) { counts[report.paragraph(at: $0)] += 1 }
        }
        return counts
    }

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
        var found = 0
        forEach(needle, in: haystack) { _ in found += 1 }
        return found
    }

    /// Calls `body` with the offset of every non-overlapping occurrence, ascending. Candidates
    /// are found by memchr on the needle's second byte: in Chinese UTF-8 the lead bytes (E4–E9)
    /// are on every character, a continuation byte takes one of 64 values.
    static func forEach(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard !needle.isEmpty, needle.count <= haystack.count, let base = haystack.baseAddress else { return }
        let anchor = needle.count > 1 ? 1 : 0
        needle.withUnsafeBufferPointer { pattern in
            var start = 0
            let last = haystack.count - pattern.count
            while start <= last {
                guard let hit = memchr(base + start + anchor, Int32(pattern[anchor]), last - start + 1) else { return }
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
                if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 {
                    body(position)
                    start = position + pattern.count
                } else {
                    start = position + 1
                }
            }
        }
    }
}
extension TextUnit {
    var isIdeograph: Bool {
        if case .ideograph = self { return true }
        return false
    }

    /// An ideograph the next scalar does not join: the end of a run.
    var isRunEnd: Bool {
        if case let .ideograph(_, joined) = self { return !joined }
        return false
    }
}
