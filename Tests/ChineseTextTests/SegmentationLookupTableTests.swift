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
        // Outside the block the hashed table answers.
        XCTAssertEqual(table.rootChild(0x3400)?.key, table.child(of: WordTable.root, 0x3400)?.key)
        XCTAssertNil(table.rootChild(0x41))
    }

    func testTheDenseEmissionTableAnswersAsTheHashedOneForEveryIdeographAndState() throws {
        let hmm = try XCTUnwrap(try SegmentationTestSupport.segmenter().hmm)
        var unseen = 0
        for scalar in UInt32(0x4E00)..<0xA000 {
            for state in 0..<4 {
                let hashed = hmm.emission[state][scalar] ?? HMMModel.unseen
                XCTAssertEqual(hmm.emissionLogProbability(state, scalar), hashed)
                if hmm.emission[state][scalar] == nil { unseen += 1 }
            }
        }
        XCTAssertGreaterThan(unseen, 0, "some ideographs are never emitted, and take the floor")
        XCTAssertEqual(hmm.emissionLogProbability(3, 0x41), hmm.emission[3][0x41] ?? HMMModel.unseen)
    }
}
