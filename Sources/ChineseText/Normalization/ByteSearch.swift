import Foundation

/// Plain byte search in UTF-8, for the parser's guards, the daemon's evidence offsets and the
/// indexer's term counts. UTF-8 is self-synchronising, so a byte match of a whole string is
/// always a match of whole scalars.
///
/// Candidates are found by memchr on the needle's second byte: in Chinese UTF-8 the lead bytes
/// (E4–E9) are on every character, a continuation byte takes one of 64 values. Anchored on the
/// first byte instead, the daemon's search for each figure's sentence was 16% of its CPU in a
/// burst (perf, 2026-12-07), memchr stopping at every other character. glibc's memmem is a GNU
/// extension that Swift's Glibc module does not declare.
public enum ByteSearch {
    public static func count(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int {
        var found = 0
        forEach(needle, in: haystack) { _ in found += 1 }
        return found
    }

    /// The offset of the first occurrence; 0 for an empty needle.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        if needle.isEmpty { return 0 }
        var first: Int?
        scan(needle, in: haystack) { position in
            first = position
            return nil
        }
        return first
    }

    /// Calls `body` with the offset of every non-overlapping occurrence, ascending.
    public static func forEach(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        needle.withUnsafeBufferPointer { pattern in
            scan(pattern, in: haystack) { position in
                body(position)
                return position + pattern.count
            }
        }
    }

    /// Finds occurrences from the start; `found` returns where to go on from, nil to stop.
    private static func scan(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                             found: (Int) -> Int?) {
        guard !pattern.isEmpty, pattern.count <= haystack.count, let base = haystack.baseAddress,
              let needle = pattern.baseAddress else { return }
        let anchor = pattern.count > 1 ? 1 : 0
        let last = haystack.count - pattern.count
        var start = 0
        while start <= last {
            guard let hit = memchr(base + start + anchor, Int32(pattern[anchor]), last - start + 1) else { return }
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
            if memcmp(base + position, needle, pattern.count) == 0 {
                guard let next = found(position) else { return }
                start = next
            } else {
                start = position + 1
            }
        }
    }
}
