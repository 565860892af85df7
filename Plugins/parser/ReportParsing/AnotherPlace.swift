import ChineseText

/// Whether an indicator's name is another place's: `长沙市经济总量突破1.4万亿元` in Hunan's report,
/// `岳阳市、常德市经济总量跨上5000亿元台阶`. A gazetteer unit written right before the name makes
/// the figure that unit's, unless it is the report's own region; with no region known, any
/// named unit does, since a null is better than another place's figure taken for the report's.
/// `全市`, `我省`, `本区` name no unit and stay the report's.
struct AnotherPlace {
    let gazetteer: Gazetteer
    /// The report's region as written (东城区) and its code, when known.
    let ownName: String?
    let ownCode: String?

    /// The last character of every unit's name (市, 县, 区, 旗…): a cheap first test.
    static let unitEndings: Set<Unicode.Scalar> = ["省", "市", "区", "县", "州", "旗", "盟"]

    func names(in text: ScalarText, before i: Int) -> Bool {
        guard i >= 2, Self.unitEndings.contains(text.s[i - 1]) else { return false }
        for length in stride(from: min(gazetteer.longestName, i), through: 2, by: -1) {
            let name = text.string((i - length)..<i)
            guard gazetteer.hasName(name) else { continue }
            // A two-character name inside a word (老城区, 工矿区) is the word, as in `Gazetteer.mentions`.
            if length == 2, i >= 3, ScalarClass.isHan(text.s[i - 3]) { continue }
            if name == ownName { return false }
            if let ownCode, gazetteer.units(named: name).contains(where: { $0.code == ownCode }) { return false }
            return true
        }
        return false
    }
}
