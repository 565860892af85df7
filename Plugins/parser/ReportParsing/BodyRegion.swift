import ChineseText

/// The region of a text with no title, speaker, date line or opening (an excerpt): the
/// gazetteer unit the text keeps naming itself by. A candidate is a unit the text writes out
/// (延庆区) at least twice, whose short name (延庆) the text uses at least ten times and with its
/// suffix at least one time in twenty, and whose kind of government the text speaks as
/// (全区/我区 at least five times for a 区). A district's report names its city as often as
/// itself, so a candidate enclosing another gives way to it; of the rest, the one used most
/// wins if it is used twice as often as the next. Anything less sure gives nil.
enum BodyRegion {
    static let suffixes: Set<Unicode.Scalar> = ["区", "县", "市", "省", "旗", "州", "盟"]
    static let minimumSelfReferences = 5
    static let minimumBareUses = 10

    struct Candidate {
        let name: String
        let bare: Int
        let units: [Gazetteer.Division]
    }

    static func reading(in text: ScalarText, gazetteer: Gazetteer) -> RegionReading? {
        let selfReferences = selfReferenceCounts(in: text)
        var written = [String: Int]()
        for i in 2..<max(2, text.count) where suffixes.contains(text.s[i]) && selfReferences[text.s[i], default: 0] >= minimumSelfReferences {
            // 区委, 区级: that 区 opens another word.
            if i + 1 < text.count, ["委", "级", "直", "属"].contains(text.s[i + 1]) { continue }
            for length in 2...max(2, min(8, gazetteer.longestName - 1)) where i - length >= 0 {
                let range = (i - length)..<(i + 1)
                guard range.allSatisfy({ ScalarClass.isHan(text.s[$0]) }) else { break }
                let name = text.string(range)
                if gazetteer.hasName(name) { written[name, default: 0] += 1 }
            }
        }
        var candidates = written.filter { $0.value >= 2 }.compactMap { name, suffixed -> Candidate? in
            let stem = String(name.unicodeScalars.dropLast())
            guard stem.unicodeScalars.count >= 2 else { return nil }
            let bare = text.occurrences(of: stem.scalarArray)
            guard bare >= minimumBareUses, suffixed * 20 >= bare else { return nil }
            var units = gazetteer.units(named: name)
            if units.contains(where: \.isCurrent) { units = units.filter(\.isCurrent) }
            return Candidate(name: name, bare: bare, units: units)
        }
        let all = candidates
        candidates.removeAll { outer in
            all.contains { inner in
                inner.units.contains { unit in gazetteer.ancestors(of: unit).contains { a in outer.units.contains { $0.code == a.code } } }
            }
        }
        let ranked = candidates.sorted { ($0.bare, $0.name) > ($1.bare, $1.name) }
        guard let best = ranked.first, ranked.count == 1 || best.bare >= 2 * ranked[1].bare else { return nil }
        return RegionReading(written: best.name, units: best.units)
    }

    /// How often the text speaks as each kind of government: 全区/我区, 全县/我县, 全市/我市….
    static func selfReferenceCounts(in text: ScalarText) -> [Unicode.Scalar: Int] {
        var counts = [Unicode.Scalar: Int]()
        for i in 1..<max(1, text.count) where (text.s[i - 1] == "全" || text.s[i - 1] == "我") && suffixes.contains(text.s[i]) {
            counts[text.s[i], default: 0] += 1
        }
        return counts
    }
}
