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
                guard let base = haystack.baseAddress, let first = pattern.first, pattern.count <= haystack.count else { return nil }
                // memchr finds candidates for the first byte, memcmp checks the rest (glibc's memmem
                // is a GNU extension Swift's Glibc module does not declare).
                let last = haystack.count - pattern.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return position }
                    start = position + 1
                }
                return nil
            }
        }
    }

    func containsUTF8(_ part: String) -> Bool { utf8Offset(of: part) != nil }
}
