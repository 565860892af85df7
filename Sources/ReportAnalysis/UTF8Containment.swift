import Foundation

extension String {
    /// Where `part` first occurs in this string, as a byte offset into its UTF-8, or nil. UTF-8 is
    /// self-synchronising, so a byte match is a match of whole scalars. Foundation's `contains` and
    /// `range(of:)` fold grapheme clusters for canonical equivalence; locating each figure's evidence
    /// in its report's paragraphs that way was three quarters of the daemon's CPU in a 10,000-report
    /// burst (perf, release build), and the evidence is cut from those very paragraphs, so bytes decide.
    public func utf8Offset(of part: String) -> Int? {
        if part.isEmpty { return 0 }
        var text = self, needle = part
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let base = haystack.baseAddress, let start = pattern.baseAddress,
                      let hit = memmem(base, haystack.count, start, pattern.count) else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
        }
    }

    func containsUTF8(_ part: String) -> Bool { utf8Offset(of: part) != nil }
}
