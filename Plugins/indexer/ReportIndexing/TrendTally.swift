import ReportProtocol

/// The arithmetic of `trend`, apart from SQLite: the reports of each group (from `reports`)
/// and the reports holding the phrase with their counts (from FTS5) become the groups' rates,
/// the first and last appearance and the peak.
struct TrendTally {
    /// One group's reports, with the phrase or without.
    struct GroupSize: Equatable {
        var key: String?
        var reports: Int
        var characters: Int
    }

    /// A report holding the phrase, under its group's key.
    struct Match: Equatable {
        var key: String?
        var appearance: TrendAppearance
    }

    static func response(phrase: String, by grouping: TrendGrouping, sizes: [GroupSize], matches: [Match]) -> TrendResponse {
        var found: [String?: (reports: Int, occurrences: Int)] = [:]
        for match in matches where match.appearance.occurrences > 0 {
            found[match.key, default: (0, 0)].reports += 1
            found[match.key, default: (0, 0)].occurrences += match.appearance.occurrences
        }
        let groups = ordered(sizes, by: grouping).map { size in
            TrendGroup(key: size.key, reports: size.reports, reportsWith: found[size.key]?.reports ?? 0,
                       occurrences: found[size.key]?.occurrences ?? 0, characters: size.characters)
        }
        let total = TrendGroup(key: nil, reports: groups.reduce(0) { $0 + $1.reports },
                               reportsWith: groups.reduce(0) { $0 + $1.reportsWith },
                               occurrences: groups.reduce(0) { $0 + $1.occurrences },
                               characters: groups.reduce(0) { $0 + $1.characters })
        // The strictly densest group wins, so a tie goes to the earlier one in the table's order.
        var peak: TrendGroup?
        for group in groups where group.occurrences > 0 && group.perTenThousand > (peak?.perTenThousand ?? 0) {
            peak = group
        }
        let dated = matches.map(\.appearance).filter { $0.year != nil && $0.occurrences > 0 }
        return TrendResponse(phrase: phrase, by: grouping, groups: groups, total: total,
                             first: dated.min { precedes($0, $1, earliest: true) },
                             last: dated.min { precedes($0, $1, earliest: false) },
                             peak: peak)
    }

    /// Whether `left` is the better first (or last) appearance: its year, then more occurrences, then the report id.
    private static func precedes(_ left: TrendAppearance, _ right: TrendAppearance, earliest: Bool) -> Bool {
        if left.year != right.year { return earliest ? left.year! < right.year! : left.year! > right.year! }
        if left.occurrences != right.occurrences { return left.occurrences > right.occurrences }
        return left.reportId < right.reportId
    }

    /// Levels from the largest region down, as the parser names them.
    static let levelOrder = ["province", "city", "district", "county"]

    /// Years ascending, regions by name, levels from province down (unknown levels after, by
    /// name); the group without a key last.
    static func ordered(_ sizes: [GroupSize], by grouping: TrendGrouping) -> [GroupSize] {
        sizes.sorted { left, right in
            guard let a = left.key else { return false }
            guard let b = right.key else { return true }
            switch grouping {
            case .year:
                return (Int(a) ?? Int.max, a) < (Int(b) ?? Int.max, b)
            case .region:
                return a < b
            case .level:
                let rank = { (key: String) in levelOrder.firstIndex(of: key) ?? levelOrder.count }
                return (rank(a), a) < (rank(b), b)
            }
        }
    }
}
