import TestSupport
import XCTest
@testable import Daemon

final class TextFingerprintTests: XCTestCase {
    func testTheSameReportFromAPDFAndFromAWebPageIsANearDuplicate() throws {
        let pdf = TextFingerprint(paragraphs: try Corpus.document("000").paragraphs)
        let web = TextFingerprint(paragraphs: try Corpus.document("001").paragraphs)
        XCTAssertGreaterThanOrEqual(pdf.similarity(to: web), NearDuplicateFinder.threshold)
    }

    func testDifferentDistrictsReportsAreNot() throws {
        let yanqing = TextFingerprint(paragraphs: try Corpus.document("000").paragraphs)
        for other in ["002", "003", "004"] {
            let fingerprint = TextFingerprint(paragraphs: try Corpus.document(other).paragraphs)
            XCTAssertLessThan(yanqing.similarity(to: fingerprint), 0.5, "000 vs \(other)")
        }
    }

    func testLayoutAndPunctuationDoNotChangeTheFingerprint() {
        let wrapped = TextFingerprint(paragraphs: ["实现地区生产总值213亿元，", "增长4%。"])
        let joined = TextFingerprint(paragraphs: ["实现地区生产总值 213 亿元,增长 4%."])
        XCTAssertEqual(wrapped, joined)
        XCTAssertEqual(wrapped.similarity(to: joined), 1)
    }

    func testStoredBytesRoundTripAndEmptyTextMatchesNothing() {
        let fingerprint = TextFingerprint(paragraphs: ["推动冬奥遗产可持续利用。"])
        XCTAssertEqual(TextFingerprint(bytes: fingerprint.bytes), fingerprint)
        XCTAssertNil(TextFingerprint(bytes: [1, 2, 3]))
        XCTAssertEqual(fingerprint.minima, fingerprint.minima.sorted())
        let empty = TextFingerprint(paragraphs: ["。，"])
        XCTAssertEqual(empty.similarity(to: empty), 0)
    }
}
