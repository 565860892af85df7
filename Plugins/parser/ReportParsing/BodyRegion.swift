import ChineseText

/// The region of a text with no title, speaker, date line or opening (an excerpt): the
/// gazetteer unit the text keeps naming itself by. A report speaks of its own government as
/// 全区/我区 (or 全县, 全市, 全省, 全旗, 全州); of the units with that suffix that the text writes
/// out, the one whose short name (延庆 of 延庆区) the text uses most wins, if it is used at least
/// ten times and twice as often as the next. Anything less sure gives nil.
enum BodyRegion {
    static let suffixes: [Unicode.Scalar] = ["区", "县", "市", "省", "旗", "州", "盟"]
    /// Fewer self-references than this and the text does not speak as one government.
    static let minimumSelfReferences = 5
    static let minimumBareUses = 10

    static func reading(in text: ScalarText, gazetteer: Gazetteer) -> RegionReading? {
        guard let suffix = selfSuffix(in: text) else { return nil }
        var written = [String: Int]()
        for i in 2..<max(2, text.count) where text.s[i] == suffix {
            // 区委, 区级: that 区 opens another word.
            if i + 1 < text.count, ["委", "级", "直", "属"].contains(text.s[i + 1]) { continue }
            for length in 2...min(8, gazetteer.longestName - 1) where i - length >= 0 {
                let range = (i - length)..<(i + 1)
                guard range.allSatisfy({ ScalarClass.isHan(text.s[$0]) }) else { break }
                let name = text.string(range)
                if gazetteer.hasName(name) { written[name, default: 0] += 1 }
            }
        }
        // A place name carries its suffix at least one time in twenty (延庆区 among 延庆…).
        let scored = written.filter { $0.value >= 2 }.compactMap { name, suffixed -> (name: String, bare: Int)? in
            let stem = String(name.unicodeScalars.dropLast())
            guard stem.unicodeScalars.count >= 2 else { return nil }
            let bare = text.occurrences(of: stem.scalarArray)
            return suffixed * 20 >= bare ? (name, bare) : nil
        }.sorted { ($0.bare, $0.name) > ($1.bare, $1.name) }
        guard let best = scored.first, best.bare >= minimumBareUses,
              scored.count == 1 || best.bare >= 2 * scored[1].bare else { return nil }
        var units = gazetteer.units(named: best.name)
        if units.contains(where: \.isCurrent) { units = units.filter(\.isCurrent) }
        return RegionReading(written: best.name, units: units)
    }

    /// The suffix of 全区/我区, 全县/我县…, whichever the text uses most.
    static func selfSuffix(in text: ScalarText) -> Unicode.Scalar? {
        var counts = [Unicode.Scalar: Int]()
        for i in 1..<max(1, text.count) where (text.s[i - 1] == "全" || text.s[i - 1] == "我") && suffixes.contains(text.s[i]) {
            counts[text.s[i], default: 0] += 1
        }
        guard let best = counts.max(by: { ($0.value, $0.key.value) < ($1.value, $1.key.value) }),
              best.value >= minimumSelfReferences else { return nil }
        return best.key
    }
}
