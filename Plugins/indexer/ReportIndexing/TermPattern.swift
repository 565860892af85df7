import ChineseText
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
