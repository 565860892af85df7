/// A term as a dictionary key, hashed and compared by its UTF-8 bytes. Swift hashes and compares
/// a non-ASCII `String` through Unicode normalisation (canonical equivalence), which made the
/// summarizer's table look-ups (IDF, corpus counts, stop and domain words: thousands per
/// report) a quarter of its time. Terms all come from the same segmenter and word lists, so
/// byte equality is the equality that matters; only a compatibility ideograph (U+F900…) and its
/// unified form, equal as Strings, are different keys here, as they are different words to the
/// segmenter.
struct TermKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }

    static func == (a: TermKey, b: TermKey) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }
}
