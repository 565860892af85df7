import ChineseText
import XCTest

/// The byte search anchored on the needle's second byte finds what a naive scan finds.
final class ByteSearchTests: XCTestCase {
    /// Every non-overlapping occurrence from the start, by comparing at each offset.
    private func naive(_ needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = [], start = 0
        while start <= haystack.count - needle.count {
            if Array(haystack[start..<start + needle.count]) == needle {
                found.append(start)
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    func testOccurrencesAgreeWithANaiveScanOnRandomMixedText() {
        // Few distinct scalars, so needles recur; ASCII, ideographs sharing lead bytes, an emoji.
        let alphabet: [Character] = ["增", "长", "地", "区", "生", "产", "总", "值", "%", "5", "。", "😀", "a"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let needle = String((0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let expected = naive(Array(needle.utf8), in: Array(text.utf8))
            var found: [Int] = []
            Array(text.utf8).withUnsafeBufferPointer { ByteSearch.forEach(Array(needle.utf8), in: $0) { found.append($0) } }
            XCTAssertEqual(found, expected, "\(needle) in \(text)")
            XCTAssertEqual(text.utf8Offset(of: needle), expected.first, "\(needle) in \(text)")
            XCTAssertEqual(text.containsBytes(of: needle), !expected.isEmpty)
        }
    }

    func testEdgesOfTheHaystack() {
        XCTAssertEqual("增长5%".utf8Offset(of: "增"), 0, "at the start")
        XCTAssertEqual("增长5%".utf8Offset(of: "5%"), 6, "at the end, past two three-byte scalars")
        XCTAssertEqual("增长".utf8Offset(of: "增长5%"), nil, "a needle longer than the text")
        XCTAssertEqual("增长".utf8Offset(of: ""), 0, "the empty needle is everywhere")
        XCTAssertEqual("".utf8Offset(of: "增"), nil)
        XCTAssertEqual(Array("长长长长".utf8).withUnsafeBufferPointer { ByteSearch.count(of: Array("长长".utf8), in: $0) }, 2,
                       "occurrences do not overlap")
    }
}
