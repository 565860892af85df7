import ChineseText

/// A gazetteer name written in a line of the report: 北京市, 东城区.
struct RegionMention {
    let name: String
    let start: Int
    let end: Int
    let units: [Gazetteer.Division]
}

/// What one cue (the title, the speaker's line…) says the region is: the name as written and
/// the units it can be, narrowed by the enclosing names written beside it. One unit when the
/// cue is unambiguous; several for a bare short name (朝阳区: Beijing's or Changchun's); none for
/// 全国.
struct RegionReading: Equatable {
    let written: String
    var units: [Gazetteer.Division]

    static let national = RegionReading(written: "全国", units: [])
    var isNational: Bool { written == Self.national.written && units.isEmpty }

    /// Whether two readings can be the same region: the same written name, or a unit in common.
    func agrees(with other: RegionReading) -> Bool {
        if isNational || other.isNational { return isNational == other.isNational }
        return written == other.written || units.contains { unit in other.units.contains { $0.code == unit.code } }
    }
}

extension Gazetteer {
    /// Gazetteer names in `text[range]`, left to right, the longest at each place, never
    /// overlapping. A two-character name (城区, 和县) counts only where no Han character runs
    /// into it from the left, or right after another name: inside a sentence it is a word.
    func mentions(in text: ScalarText, range: Range<Int>) -> [RegionMention] {
        var found = [RegionMention]()
        var i = range.lowerBound
        while i < range.upperBound - 1 {
            var hit: RegionMention?
            let longest = min(longestName, range.upperBound - i)
            if longest >= 2, ScalarClass.isHan(text.s[i]) {
                for length in stride(from: longest, through: 2, by: -1) {
                    let name = text.string(i..<(i + length))
                    guard hasName(name) else { continue }
                    if length == 2, i > 0, ScalarClass.isHan(text.s[i - 1]), found.last?.end != i { continue }
                    hit = RegionMention(name: name, start: i, end: i + length, units: units(named: name))
                    break
                }
            }
            if let hit {
                found.append(hit)
                i = hit.end
            } else {
                i += 1
            }
        }
        return found
    }

    /// The most specific name of a cue, narrowed by the names written before it (北京市 before
    /// 朝阳区 leaves Beijing's), current units before former ones of the same name. Nil when the
    /// cue goes on to name a unit the gazetteer lacks (北京市某某区…): the province alone would be
    /// a wrong region, not a vaguer one.
    func reading(of mentions: [RegionMention], in text: ScalarText, end: Int) -> RegionReading? {
        guard let last = mentions.last, !Self.namesAnotherUnit(text, from: last.end, to: end) else { return nil }
        var units = last.units
        let enclosing = Set(mentions.dropLast().flatMap { $0.units.map(\.code) })
        let narrowed = units.filter { unit in ancestors(of: unit).contains { enclosing.contains($0.code) } }
        if !narrowed.isEmpty { units = narrowed }
        if units.contains(where: \.isCurrent) { units = units.filter(\.isCurrent) }
        return RegionReading(written: last.name, units: units)
    }

    /// Words that follow a government's name in a cue: 人民政府, 政府工作报告, 第十七届.
    static let afterGovernment = ["人民", "政府", "第", "国民"].map(\.scalarArray)
    static let unitSuffixes: Set<Unicode.Scalar> = ["区", "县", "市", "旗", "州", "盟", "省"]

    /// Whether the Han characters after a name, up to a word that follows a government's name,
    /// end in a unit's suffix (the 某某区 of 北京市某某区2023年…).
    static func namesAnotherUnit(_ text: ScalarText, from start: Int, to end: Int) -> Bool {
        var i = start
        while i < min(end, text.count), ScalarClass.isHan(text.s[i]), !afterGovernment.contains(where: { text.matches($0, at: i) }) {
            i += 1
        }
        return i > start && unitSuffixes.contains(text.s[i - 1])
    }

    /// Among several units of one name, the one whose province or city the text names most
    /// (北京 forty times, 长春 never): only when it is named at least three times and twice as
    /// often as any other candidate's; otherwise nil, and the caller keeps the name unresolved.
    func disambiguate(_ units: [Division], in text: ScalarText) -> Division? {
        guard units.count > 1 else { return units.first }
        let scores = units.map { unit in
            ancestors(of: unit).reduce(0) { sum, ancestor in
                let stem = Self.stem(of: ancestor.name)
                return sum + text.occurrences(of: (stem.unicodeScalars.count >= 2 ? stem : ancestor.name).scalarArray)
            }
        }
        let ranked = zip(units, scores).sorted { $0.1 > $1.1 }
        guard ranked[0].1 >= 3, ranked[0].1 >= 2 * ranked[1].1 else { return nil }
        return ranked[0].0
    }

    /// 北京市 → 北京, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西: how a text names a unit in passing.
    static func stem(of name: String) -> String {
        for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市", "地区", "盟"]
        where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
