import Foundation

/// The query as one FTS5 MATCH expression over the report-level rows.
///
/// Boolean operators apply to whole reports (a report matches `延庆 冬奥` when it mentions
/// both, in any paragraphs), which is what one row per report gives natively:
/// `(("a" OR "b") AND ("c")) NOT ("d")`. User text never reaches MATCH as syntax: every term
/// becomes an FTS5 string (double quotes, inner quotes doubled), so `*`, `:`, `(`, `NEAR`,
/// `AND` in a query are only text for the tokenizer.
struct MatchExpression: Equatable {
    var text: String

    /// nil when the query has no positive term: FTS5 cannot search for "everything but".
    /// Without `excluding`, exclusions are left out (a section filter checks them per paragraph).
    init?(_ query: SearchQuery, excluding: Bool = true) {
        guard !query.required.isEmpty else { return nil }
        let required = query.required.map { "(" + Self.either($0) + ")" }.joined(separator: " AND ")
        if excluding && !query.excluded.isEmpty {
            text = "(" + required + ") NOT (" + Self.either(query.excluded) + ")"
        } else {
            text = required
        }
    }

    private static func either(_ terms: [SearchQuery.Term]) -> String {
        terms.map(phrase).joined(separator: " OR ")
    }

    /// How many separated pairs of runs (冬奥 服务) a term may have before it is split there.
    static let maximumJunctions = 4

    /// One term as FTS5 syntax, from its tokenizer units (`TextUnit`), so the index's one token
    /// per ideograph finds every place the term occurs:
    /// - a term ending in a lone ideograph (奥, 2022年) is a prefix query: the document holds it
    ///   either alone or as the start of a bigram;
    /// - where the term separates two runs (`冬奥 服务`), the document may hold them separated (奥
    ///   then a unigram) or joined (the bigram 奥服): both spellings are asked for, ORed. Beyond
    ///   `maximumJunctions` such places, the term is split there into phrases that must all
    ///   occur (more reports than the phrase, never fewer).
    static func phrase(_ term: SearchQuery.Term) -> String {
        let units = Self.units(of: term)
        guard !units.isEmpty else { return quoted(term) }
        let junctions = Self.junctions(in: units)
        if junctions.count > maximumJunctions {
            var pieces: [String] = []
            var start = 0
            for end in junctions.map({ $0 + 1 }) + [units.count] {
                pieces.append(spelling(Array(units[start..<end]), joinedAt: []))
                start = end
            }
            return "(" + pieces.joined(separator: " AND ") + ")"
        }
        let spellings = (0..<(1 << junctions.count)).map { mask in
            spelling(units, joinedAt: Set(junctions.indices.filter { mask & (1 << $0) != 0 }.map { junctions[$0] }))
        }
        return spellings.count == 1 ? spellings[0] : "(" + spellings.joined(separator: " OR ") + ")"
    }

    /// How many places of `term` separate two runs of ideographs (冬奥 服务 has one).
    static func junctions(of term: SearchQuery.Term) -> Int {
        Self.junctions(in: Self.units(of: term)).count
    }

    private static func units(of term: SearchQuery.Term) -> [TextUnit] {
        let bytes = Array(term.text.utf8)
        return bytes.withUnsafeBufferPointer { TextUnit.units(of: $0) }
    }

    private static func junctions(in units: [TextUnit]) -> [Int] {
        units.indices.dropLast().filter { units[$0].isRunEnd && units[$0 + 1].isIdeograph }
    }

    /// The units as a quoted FTS5 string, joining the runs at `joinedAt`, with a prefix mark
    /// when the last run is a single ideograph.
    private static func spelling(_ units: [TextUnit], joinedAt: Set<Int>) -> String {
        var text = ""
        for (index, unit) in units.enumerated() {
            switch unit {
            case let .ideograph(value, _): text.unicodeScalars.append(Unicode.Scalar(value)!)
            case let .word(bytes): text += String(decoding: bytes, as: UTF8.self)
            }
            let joined = unit.isIdeograph && (!unit.isRunEnd || joinedAt.contains(index))
            if index < units.count - 1 && !joined { text += " " }
        }
        let lastRunIsOne = units.last!.isIdeograph && (units.count == 1 || !units[units.count - 2].isIdeograph
            || units[units.count - 2].isRunEnd && !joinedAt.contains(units.count - 2))
        return quoted(.init(text: text)) + (lastRunIsOne ? "*" : "")
    }

    static func quoted(_ term: SearchQuery.Term) -> String {
        "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
