import XCTest
@testable import ChineseText

/// The dense arrays the route search and the HMM read for CJK ideographs must answer exactly as
/// the hashed tables they stand in front of, or segmentation would change.
final class SegmentationLookupTableTests: XCTestCase {
    func testTheIdeographArrayGivesEveryOneCharacterEntryTheWordTableHolds() throws {
        let table = try SegmentationTestSupport.segmenter().table
        var found = 0
        for scalar in UInt32(0x4E00)..<0xA000 {
            let hashed = table.child(of: WordTable.root, scalar)
            let direct = table.rootChild(scalar)
            XCTAssertEqual(direct?.key, hashed?.key, "U+\(String(scalar, radix: 16, uppercase: true))")
            XCTAssertEqual(direct?.logProbability, hashed?.logProbability)
            if hashed != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 10_000, "jieba's dictionary starts words with most common ideographs")
        // Outside the block the hashed table answers: Extension A, a Latin letter (a prefix of
        // words like AA制), and a scalar no word starts with.
        for scalar: UInt32 in [0x3400, 0x41, 0x1F600] {
            XCTAssertEqual(table.rootChild(scalar)?.key, table.child(of: WordTable.root, scalar)?.key)
        }
        XCTAssertNil(table.rootChild(0x1F600))
    }

    func testTheDenseEmissionTableAnswersAsTheHashedOneForEveryIdeographAndState() throws {
        let hmm = try XCTUnwrap(try SegmentationTestSupport.segmenter().hmm)
        var unseen = 0
        var different: [String] = []
        for scalar in UInt32(0x4E00)..<0xA000 {
            for state in 0..<4 {
                let hashed = hmm.emission[state][scalar] ?? HMMModel.unseen
                if hmm.emissionLogProbability(state, scalar) != hashed { different.append("U+\(String(scalar, radix: 16)) state \(state)") }
                if hmm.emission[state][scalar] == nil { unseen += 1 }
            }
        }
        XCTAssertEqual(different, [])
        XCTAssertGreaterThan(unseen, 0, "some ideographs are never emitted, and take the floor")
        XCTAssertEqual(hmm.emissionLogProbability(3, 0x41), hmm.emission[3][0x41] ?? HMMModel.unseen)
    }
}
