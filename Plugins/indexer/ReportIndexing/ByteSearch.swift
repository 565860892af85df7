import Foundation

/// Plain byte search, for terms that are runs of ideographs in UTF-8 (self-synchronising, so a
/// byte match is always a match of whole scalars).
enum ByteSearch {
    static func count(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int {
        var found = 0
        forEach(needle, in: haystack) { _ in found += 1 }
        return found
    }

    /// Calls `body` with the offset of every non-overlapping occurrence, ascending. Candidates
    /// are found by memchr on the needle's second byte: in Chinese UTF-8 the lead bytes (E4–E9)
    /// are on every character, a continuation byte takes one of 64 values.
    static func forEach(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard !needle.isEmpty, needle.count <= haystack.count, let base = haystack.baseAddress else { return }
        let anchor = needle.count > 1 ? 1 : 0
        needle.withUnsafeBufferPointer { pattern in
            var start = 0
            let last = haystack.count - pattern.count
            while start <= last {
                guard let hit = memchr(base + start + anchor, Int32(pattern[anchor]), last - start + 1) else { return }
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
                if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 {
                    body(position)
                    start = position + pattern.count
                } else {
                    start = position + 1
                }
            }
        }
    }
}
