import Foundation

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

    /// The lengths first, then one memcmp of the contiguous bytes: `elementsEqual` over the
    /// UTF8Views went byte by byte through the view's index, 6% of a summarizer job.
    static func == (a: TermKey, b: TermKey) -> Bool {
        let first = a.text.utf8
        let second = b.text.utf8
        guard first.count == second.count else { return false }
        let compared = first.withContiguousStorageIfAvailable { x in
            second.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return (compared ?? nil) ?? first.elementsEqual(second)
    }
}
