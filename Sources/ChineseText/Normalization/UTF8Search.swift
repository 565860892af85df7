extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte. `contains(_:)` on a
    /// `String` goes through Foundation's locale-aware search on Linux, which cost 7% of the
    /// parser for a guard on every paragraph.
    public func containsBytes(of needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        let haystack = utf8
        var start = haystack.startIndex
        while let hit = haystack[start...].firstIndex(of: first) {
            if haystack[hit...].starts(with: needle) { return true }
            start = haystack.index(after: hit)
        }
        return false
    }
}
