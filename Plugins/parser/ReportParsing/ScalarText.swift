import ChineseText

/// A paragraph or sentence held as scalars, with the few searches the extractors need.
/// Indexing scalars is fast; `String` indexing over Chinese text is not.
struct ScalarText {
    let s: [Unicode.Scalar]

    init(_ text: String) { s = text.unicodeScalarArray }
    init(_ scalars: ArraySlice<Unicode.Scalar>) { s = Array(scalars) }
    init(scalars: [Unicode.Scalar]) { s = scalars }

    var count: Int { s.count }

    func string(_ range: Range<Int>) -> String {
        String(scalars: s[range])
    }

    func matches(_ needle: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= s.count else { return false }
        for k in needle.indices where s[i + k] != needle[k] { return false }
        return true
    }

    func find(_ needle: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.upperBound - range.lowerBound >= needle.count else { return nil }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if s[i] == needle[0] && matches(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    func occurrences(of needle: [Unicode.Scalar]) -> Int {
        var count = 0
        var from = 0
        while let hit = find(needle, in: from..<s.count) {
            count += 1
            from = hit + needle.count
        }
        return count
    }

    /// How often each needle occurs, in one pass over the text: a position is tried only
    /// against the needles starting with its scalar (these searches run over the whole report).
    func occurrences(of needles: [[Unicode.Scalar]]) -> [Int] {
        var counts = [Int](repeating: 0, count: needles.count)
        let firsts = needles.map { $0.first }
        let table = FirstScalarTable(words: needles)
        for i in s.indices {
            let c = s[i]
            guard table.mayStart(c) else { continue }
            for k in needles.indices where firsts[k] == c && matches(needles[k], at: i) { counts[k] += 1 }
        }
        return counts
    }

    func hasSuffix(_ suffix: [Unicode.Scalar], endingAt end: Int) -> Bool {
        matches(suffix, at: end - suffix.count)
    }

    /// A decimal number starting at `i` ("213", "43.1", "1,200"): its value and the index after it.
    func number(at i: Int) -> (value: Double, end: Int)? {
        guard i < s.count, ScalarClass.isASCIIDigit(s[i]) else { return nil }
        var digits = ""
        var j = i
        while j < s.count {
            let c = s[j]
            if ScalarClass.isASCIIDigit(c) {
                digits.unicodeScalars.append(c)
            } else if c == ".", j + 1 < s.count, ScalarClass.isASCIIDigit(s[j + 1]), !digits.contains(".") {
                digits.append(".")
            } else if c == ",", isThousandsGroup(after: j) {
                // thousands separator: skip it
            } else {
                break
            }
            j += 1
        }
        return Double(digits).map { ($0, j) }
    }

    private func isThousandsGroup(after comma: Int) -> Bool {
        guard comma + 3 < s.count else { return false }
        for k in 1...3 where !ScalarClass.isASCIIDigit(s[comma + k]) { return false }
        return comma + 4 >= s.count || !ScalarClass.isASCIIDigit(s[comma + 4])
    }

    /// Four-digit years written as "2022年", with the index just past 年.
    func years(in range: Range<Int>) -> [(year: Int, end: Int)] {
        var result = [(year: Int, end: Int)]()
        var i = range.lowerBound
        while i + 4 < range.upperBound {
            if (i == 0 || !ScalarClass.isASCIIDigit(s[i - 1])),
               (0..<4).allSatisfy({ ScalarClass.isASCIIDigit(s[i + $0]) }), s[i + 4] == "年",
               let year = Int(string(i..<(i + 4))), (1949...2100).contains(year) {
                result.append((year, i + 5))
                i += 5
            } else {
                i += 1
            }
        }
        return result
    }
}

extension String {
    var scalarArray: [Unicode.Scalar] { unicodeScalarArray }
}
