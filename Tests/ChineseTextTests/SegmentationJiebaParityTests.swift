import Foundation
import XCTest
@testable import ChineseText
import TestSupport

/// With jieba's own dictionary and HMM, the segmenter must cut Han text exactly as Debian's
/// python3-jieba does (`jieba.cut(text, HMM=True)`); this runs the real thing on a sample.
final class SegmentationJiebaParityTests: XCTestCase {
    private static let python = URL(fileURLWithPath: "/usr/bin/python3")
    private static let script = """
        import sys, jieba
        jieba.setLogLevel(60)
        for line in sys.stdin.read().split("\\n"):
            print("/".join(jieba.cut(line)))
        """

    func testHanRunsOfASampleAreCutAsJiebaCutsThem() throws {
        guard FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/jieba/__init__.py") else {
            throw XCTSkip("python3-jieba is not installed")
        }
        let runs = hanRuns(try Corpus.text("003"))
        XCTAssertGreaterThan(runs.count, 1000)

        let jieba = try runJieba(runs)
        let segmenter = try Segmenter(dictionaries: [Segmenter.debianDictionary],
                                      hmm: HMMModel(directory: HMMModel.debianDirectory))
        let ours = runs.map { segmenter.segment($0).joined(separator: "/") }
        XCTAssertEqual(jieba.count, ours.count)
        for (theirs, mine) in zip(jieba, ours) where theirs != mine {
            XCTFail("jieba: \(theirs)  ours: \(mine)")
        }
    }

    /// Maximal runs of U+4E00…U+9FD5, jieba's own definition of Han text.
    private func hanRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x4e00...0x9fd5).contains(scalar.value) {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }

    private func runJieba(_ lines: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = Self.python
        process.arguments = ["-c", Self.script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write from another thread: jieba's output could fill the pipe before the input is done.
        let text = Data(lines.joined(separator: "\n").utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(text)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 -c jieba failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .prefix(lines.count).map(String.init)
    }
}
