extension String {
    /// Whether `needle` occurs in the text, compared byte for byte. `contains(_:)` on a
    /// `String` goes through Foundation's locale-aware search on Linux, which cost 7% of the
    /// parser in a guard it runs on every paragraph.
    public func containsBytes(of needle: String) -> Bool {
        utf8Offset(of: needle) != nil
    }

    /// The UTF-8 offset of the first occurrence of `needle` (`ByteSearch`): the standard
    /// library's generic `firstRange(of:)` cost more than Foundation's search.
    public func utf8Offset(of needle: String) -> Int? {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in needle.withUTF8 { ByteSearch.firstOffset(of: $0, in: text) } }
    }
}
