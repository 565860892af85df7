import XCTest
@testable import ReportIndexing
import TestSupport

/// The bounded heap `report_rank` keeps the leading rows in: the same rows, in the same order, as
/// sorting every row and taking the first k.
final class LeadingScoresTests: XCTestCase {
    private func sortedPrefix(_ entries: [LeadingScores.Entry], _ count: Int?) -> [LeadingScores.Entry] {
        let sorted = entries.sorted(by: LeadingScores.isBetter)
        return count.map { Array(sorted.prefix($0)) } ?? sorted
    }

    func testTheLeadersOfARandomStreamAreThoseOfASortWhateverTheCapacity() {
        var random = SeededGenerator(seed: 7)
        for trial in 0..<200 {
            // Few distinct scores, so ties are common and the row id must settle them.
            let entries = (0..<Int.random(in: 0...300, using: &random)).map { rowId in
                LeadingScores.Entry(rowId: Int64(rowId), score: Double(Int.random(in: 0...20, using: &random)) / 4)
            }.shuffled(using: &random)
            for capacity in [0, 1, 10, 20, 1000, nil] as [Int?] {
                var leading = LeadingScores(capacity: capacity)
                for entry in entries { leading.offer(rowId: entry.rowId, score: entry.score) }
                XCTAssertEqual(leading.descending(), sortedPrefix(entries, capacity), "trial \(trial), capacity \(String(describing: capacity))")
                XCTAssertLessThanOrEqual(leading.count, capacity ?? .max)
            }
        }
    }

    func testOfEqualScoresTheEarlierRowIsKept() {
        var leading = LeadingScores(capacity: 2)
        for rowId in [9, 3, 7, 5] as [Int64] { leading.offer(rowId: rowId, score: 1) }
        XCTAssertEqual(leading.descending().map(\.rowId), [3, 5])
    }
}
