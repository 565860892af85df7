import Foundation
import GRDB
import TestSupport
import XCTest
@testable import Daemon

final class NearDuplicateFinderTests: XCTestCase {
    /// Each sample, and the Yanqing sample with ever more of its paragraphs left out: pairs on
    /// both sides of the threshold, and right at it.
    private func sketches() throws -> [TextFingerprint] {
        var sketches = try ["000", "001", "002", "003", "004"].map { TextFingerprint(paragraphs: try Corpus.document($0).paragraphs) }
        let yanqing = try Corpus.document("000").paragraphs
        for share in stride(from: 0.02, through: 0.4, by: 0.02) {
            sketches.append(TextFingerprint(paragraphs: Array(yanqing.dropFirst(Int(Double(yanqing.count) * share)))))
        }
        return sketches
    }

    func testTheComparisonThatGivesUpEarlyAgreesWithTheFullOne() throws {
        let all = try sketches()
        var above = 0, below = 0
        for first in all {
            for second in all {
                let full = first.similarity(to: second)
                let bounded = first.minima.withUnsafeBufferPointer { a in
                    second.minima.withUnsafeBufferPointer { b in
                        TextFingerprint.similarity(a, b, atLeast: NearDuplicateFinder.threshold)
                    }
                }
                XCTAssertEqual(bounded, full >= NearDuplicateFinder.threshold ? full : nil)
                if full >= NearDuplicateFinder.threshold { above += 1 } else { below += 1 }
            }
        }
        XCTAssertGreaterThan(above, all.count, "the variants must give pairs above the threshold besides each sketch with itself")
        XCTAssertGreaterThan(below, 0)
    }

    func testAFinderOnAReopenedStoreNamesTheEarlierReport() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        let pdf = String(repeating: "0a", count: 32), web = String(repeating: "0b", count: 32)
        let pdfSketch = TextFingerprint(paragraphs: try Corpus.document("000").paragraphs)
        do {
            let store = try StateStore(path: path)
            _ = try store.accept(id: pdf, file: "yanqing.pdf", size: 1, time: "t")
            _ = try store.recordParsed(id: pdf, file: "yanqing.pdf", document: Array("{}".utf8),
                                       headline: DocumentHeadline(title: nil, region: nil, planYear: nil, indicators: 0), fingerprint: pdfSketch,
                                       nearDuplicate: nil, time: "t")
        }
        let finder = NearDuplicateFinder(store: try StateStore(path: path))
        let webSketch = TextFingerprint(paragraphs: try Corpus.document("001").paragraphs)
        let found = try XCTUnwrap(try finder.closest(to: webSketch, excluding: web))
        XCTAssertEqual(found.reportId, pdf)
        XCTAssertEqual(found.file, "yanqing.pdf")
        XCTAssertEqual(found.similarity, webSketch.similarity(to: pdfSketch))
        XCTAssertNil(try finder.closest(to: pdfSketch, excluding: pdf), "a report is not its own near duplicate")
        let other = TextFingerprint(paragraphs: try Corpus.document("002").paragraphs)
        XCTAssertNil(try finder.closest(to: other, excluding: web))
        try finder.remember(id: web, file: "yanqing.html", fingerprint: webSketch)
        XCTAssertEqual(try finder.closest(to: webSketch, excluding: pdf)?.reportId, web)
    }

    /// A store made before fingerprints had a table of their own keeps them after the upgrade.
    func testFingerprintsStoredInTheReportsRowsMoveToTheirTable() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("state.sqlite").path
        let sketch = TextFingerprint(paragraphs: ["实现地区生产总值213亿元，增长4%。"])
        let id = String(repeating: "cd", count: 32)
        try makeOldStore(at: path, upTo: "v3 shelved names") { db in
            try db.execute(sql: """
                INSERT INTO reports(id, file, size, state, received_at, document, fingerprint)
                VALUES (?, 'old.txt', 1, 'parsed', 't', x'7b7d', ?)
                """, arguments: [id, Data(sketch.bytes)])
        }
        var found: [(String, String, [UInt8])] = []
        try StateStore(path: path).forEachFingerprint { found.append(($0, $1, $2)) }
        XCTAssertEqual(found.map(\.0), [id])
        XCTAssertEqual(found.map(\.1), ["old.txt"])
        XCTAssertEqual(found.first.flatMap { TextFingerprint(bytes: $0.2) }, sketch)
    }
}
