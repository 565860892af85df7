import ReportProtocol

/// The arithmetic of `trend`, apart from SQLite: the groups' sizes (`ReportGroups`) and the reports
/// holding the phrase with their counts (from FTS5) become the groups' rates and the peak; the
/// candidates for the first and last appearance are chosen here, the report id among them by the index.
struct TrendTally {
    /// One group's reports, with the phrase or without.
    struct GroupSize: Equatable {
        var key: String?
        var reports: Int
        var characters: Int
    }

    /// A report holding the phrase: its group's number (its place among the sizes), row id and year.
    struct Match: Equatable {
        var group: Int
        var rowId: Int64
        var year: Int?
        var occurrences: Int
    }

    /// `sizes` by group number; `first` and `last` the reports chosen among `appearanceCandidates`.
    static func response(phrase: String, by grouping: TrendGrouping, sizes: [GroupSize], matches: [Match],
                         first: TrendAppearance?, last: TrendAppearance?) -> TrendResponse {
        var reportsWith = [Int](repeating: 0, count: sizes.count)
        var occurrences = [Int](repeating: 0, count: sizes.count)
        for match in matches where match.occurrences > 0 {
            reportsWith[match.group] += 1
            occurrences[match.group] += match.occurrences
        }
        let groups = sizes.indices.map { group in
            TrendGroup(key: sizes[group].key, reports: sizes[group].reports, reportsWith: reportsWith[group],
                       occurrences: occurrences[group], characters: sizes[group].characters)
        }.sorted { precedes($0.key, $1.key, by: grouping) }
        let total = TrendGroup(key: nil, reports: groups.reduce(0) { $0 + $1.reports },
                               reportsWith: groups.reduce(0) { $0 + $1.reportsWith },
                               occurrences: groups.reduce(0) { $0 + $1.occurrences },
                               characters: groups.reduce(0) { $0 + $1.characters })
        // The strictly densest group wins, so a tie goes to the earlier one in the table's order.
        var peak: TrendGroup?
        for group in groups where group.occurrences > 0 && group.perTenThousand > (peak?.perTenThousand ?? 0) {
            peak = group
        }
        return TrendResponse(phrase: phrase, by: grouping, groups: groups, total: total, first: first, last: last, peak: peak)
    }

    /// The reports that may be the first (`earliest`) or last appearance: of the earliest (latest)
    /// year holding the phrase, those holding it most. The lowest report id among them is the one.
    static func appearanceCandidates(_ matches: [Match], earliest: Bool) -> [Match] {
        var best: (year: Int, occurrences: Int)?
        var candidates: [Match] = []
        for match in matches where match.occurrences > 0 {
            guard let year = match.year else { continue }
            if let current = best {
                let earlierOrLater = earliest ? year < current.year : year > current.year
                if !earlierOrLater && (year != current.year || match.occurrences < current.occurrences) { continue }
                if earlierOrLater || match.occurrences > current.occurrences { candidates.removeAll(keepingCapacity: true) }
            }
            best = (year, match.occurrences)
            candidates.append(match)
        }
        return candidates
    }

    /// Levels from the largest region down, as the parser names them.
    static let levelOrder = ["province", "city", "district", "county"]

    /// Whether group `left` comes before `right`: years ascending, regions by name, levels from
    /// province down (unknown levels after, by name); the group without a key last.
    static func precedes(_ left: String?, _ right: String?, by grouping: TrendGrouping) -> Bool {
        guard let a = left else { return false }
        guard let b = right else { return true }
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
