import Synchronization

/// Each recently asked phrase's counts by row id, kept between `trend`s: asked again (a
/// dashboard polling, a page reloaded), a phrase is counted only in the reports indexed since.
/// Counting 高质量发展 over 100,000 reports is 55 ms on two cores, all of it FTS5 matching the
/// phrase (docs/SEARCH.md); counting it over no new report is none. Counts stay right while no
/// report is removed (`index_totals.removals`): new reports only add row ids above the highest
/// counted. Bounded by `capacity` row ids over every phrase (each phrase weighs one more than its
/// row ids, so phrases found nowhere are bounded too), the least recently asked dropped first.
final class PhraseCounts: Sendable {
    /// A phrase's counts, row id and occurrences in row id order, over the row ids up to `highestRowId`.
    struct Counted: Sendable {
        var removals: Int64
        var highestRowId: Int
        var counts: [(rowId: Int, occurrences: Int)]
    }

    private struct Kept {
        var counts: [String: (counted: Counted, lastAsked: UInt64)] = [:]
        var clock: UInt64 = 0
        var size = 0
    }

    /// 2,000,000 row ids are 32 MB: twenty phrases held by every one of 100,000 reports.
    static let defaultCapacity = 2_000_000
    let capacity: Int
    private let kept = Mutex(Kept())

    init(capacity: Int = defaultCapacity) {
        self.capacity = capacity
    }

    /// The counts kept for `match` if they still hold: counted with no removal since, and up to
    /// row ids the caller knows (`highestRowId`).
    func counted(_ match: String, removals: Int64, upTo highestRowId: Int) -> Counted? {
        kept.withLock { kept in
            guard let entry = kept.counts[match], entry.counted.removals == removals,
                  entry.counted.highestRowId <= highestRowId else { return nil }
            kept.clock += 1
            kept.counts[match]?.lastAsked = kept.clock
            return entry.counted
        }
    }

    /// Keeps `counted` for `match`, unless what is kept was counted further (two `trend`s of
    /// one phrase at once), and drops the least recently asked phrases past the capacity.
    func keep(_ match: String, _ counted: Counted) {
        guard Self.weight(counted) <= capacity else { return }
        kept.withLock { kept in
            if let current = kept.counts[match]?.counted {
                if current.removals == counted.removals && current.highestRowId >= counted.highestRowId { return }
                kept.size -= Self.weight(current)
            }
            kept.clock += 1
            kept.counts[match] = (counted, kept.clock)
            kept.size += Self.weight(counted)
            while kept.size > capacity, let oldest = kept.counts.min(by: { $0.value.lastAsked < $1.value.lastAsked }) {
                kept.size -= Self.weight(oldest.value.counted)
                kept.counts[oldest.key] = nil
            }
        }
    }

    private static func weight(_ counted: Counted) -> Int { counted.counts.count + 1 }
}
