import Foundation
import XCTest
@testable import ChineseText

final class SegmentationDictionaryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SegmentationTestSupport.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    func testAMissingDictionaryIsAnErrorNamingThePath() throws {
        let missing = directory.appendingPathComponent("nowhere/dict.txt")
        XCTAssertThrowsError(try Segmenter(dictionaries: [missing])) { error in
            XCTAssertEqual(error as? SegmenterError, .dictionaryUnreadable(path: missing.path, reason: "no such file"))
            XCTAssertTrue("\(error)".contains(missing.path))
        }
    }

    func testADirectoryInPlaceOfADictionaryIsAnError() throws {
        XCTAssertThrowsError(try Segmenter(dictionaries: [directory])) { error in
            XCTAssertEqual(error as? SegmenterError, .dictionaryUnreadable(path: directory.path, reason: "is a directory"))
        }
    }

    func testADictionaryWithoutWordsIsAnError() throws {
        let empty = try SegmentationTestSupport.write("# only a comment\n\n", to: "empty.txt", in: directory)
        XCTAssertThrowsError(try Segmenter(dictionaries: [empty])) { error in
            XCTAssertEqual(error as? SegmenterError, .dictionaryEmpty(path: empty.path))
        }
    }

    func testAMalformedLineIsAnErrorNamingItsNumber() throws {
        let broken = try SegmentationTestSupport.write("长江 10 ns\n大桥\n", to: "broken.txt", in: directory)
        XCTAssertThrowsError(try Segmenter(dictionaries: [broken])) { error in
            XCTAssertEqual(error as? SegmenterError,
                           .malformedDictionaryLine(path: broken.path, line: 2, reason: "missing frequency after the word"))
        }
        let letters = try SegmentationTestSupport.write("长江 ten\n", to: "letters.txt", in: directory)
        XCTAssertThrowsError(try Segmenter(dictionaries: [letters])) { error in
            XCTAssertEqual(error as? SegmenterError,
                           .malformedDictionaryLine(path: letters.path, line: 1, reason: "frequency is not a whole number"))
        }
    }

    func testNoDictionaryAtAllIsAnError() {
        XCTAssertThrowsError(try Segmenter(dictionaries: [])) { error in
            XCTAssertEqual(error as? SegmenterError, .noDictionaries)
        }
    }

    func testAMissingHMMModelIsAnErrorNamingTheFile() {
        XCTAssertThrowsError(try HMMModel(directory: directory)) { error in
            guard case .hmmModelUnreadable(let path, _)? = error as? SegmenterError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(path, directory.appendingPathComponent("prob_start.py").path)
        }
    }

    /// 南京市长江大桥: the route with the most probable words wins, and a later dictionary's
    /// frequency replaces an earlier one's.
    func testTheMostProbableRouteWinsAndLaterDictionariesOverride() throws {
        let base = try SegmentationTestSupport.write(
            "\u{feff}南京 10 ns\n南京市 10 ns\r\n市长 10 n\n长江 10 ns\n大桥 10 n\n江大桥 1 nr\n", to: "base.txt", in: directory)
        let segmenter = try Segmenter(dictionaries: [base])
        XCTAssertEqual(segmenter.segment("南京市长江大桥"), ["南京市", "长江", "大桥"])
        XCTAssertEqual(segmenter.wordCount, 6)

        let override = try SegmentationTestSupport.write("江大桥 1000 nr\n", to: "override.txt", in: directory)
        let overridden = try Segmenter(dictionaries: [base, override])
        XCTAssertEqual(overridden.segment("南京市长江大桥"), ["南京", "市长", "江大桥"])
        XCTAssertEqual(overridden.frequency(of: "江大桥"), 1000)
        XCTAssertEqual(overridden.wordCount, 6)
    }

    func testLookupsTellWordsFromPrefixes() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        XCTAssertTrue(segmenter.isDictionaryWord("地区生产总值"))
        XCTAssertFalse(segmenter.isDictionaryWord("地区生产总"), "a prefix is no word")
        XCTAssertEqual(segmenter.tag(of: "延庆区"), "ns")
        XCTAssertNil(segmenter.tag(of: "杭研"))
        XCTAssertEqual(segmenter.frequency(of: "党代会"), 50000, "the domain dictionary overrides jieba's 25")
    }

    func testTheVersionNamesEachFileWithItsSHA256() throws {
        let segmenter = try SegmentationTestSupport.segmenter()
        let version = segmenter.dictionaryVersion
        XCTAssertTrue(version.hasPrefix("dict.txt 349046 words sha256:"), version)
        XCTAssertTrue(version.contains(" + domain.txt "), version)
        XCTAssertTrue(version.hasSuffix(" + HMM finalseg"), version)

        let digest = try shellSHA256(Segmenter.debianDictionary)
        XCTAssertTrue(version.contains("sha256:\(digest.prefix(12))"), "\(version) vs \(digest)")
    }

    private func shellSHA256(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
