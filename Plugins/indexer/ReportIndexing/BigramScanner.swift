/// Splits UTF-8 text into the tokens of the search index.
///
/// Chinese has no spaces, and a user expects any run of characters that `grep` finds to be
/// found, including inside longer words (冬奥 in 冬奥会). So every ideograph yields a token at
/// its own position:
///
/// - in a document, the bigram it starts (冬奥) when the next scalar is an ideograph too, plus
///   the ideograph alone (冬) colocated at the same position; the last ideograph of a run
///   yields only itself;
/// - in a query, the bigram it starts, or itself when it ends the run.
///
/// A query of n ideographs is thus a phrase of n-1 bigrams and a final unigram, which matches
/// exactly where the document holds those n ideographs in a row; a one-character query is a
/// unigram, which every occurrence carries. Letters and digits form lowercase word tokens,
/// full-width ASCII is folded to ASCII, and everything else only separates tokens, except the
/// paragraph break of a stored report, which is a token of its own in documents.
enum BigramScanner {
    enum Mode {
        case document
        case query
    }

    /// One token: its bytes (valid only during the call), its byte range in the input, and
    /// whether it shares the previous token's position.
    typealias Emit = (_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ colocated: Bool) -> Int32

    /// Calls `emit` for every token of `text`; stops early and returns the first non-zero
    /// value `emit` returns (an SQLite error code), else 0.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, mode: Mode, emit: Emit) -> Int32 {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var offset = 0
        while offset < text.count {
            let (raw, length) = UTF8Scalars.decode(text, at: offset)
            let value = ScalarClass.halfWidth(raw)
            switch ScalarClass.of(value) {
            case .separator:
                // A paragraph break takes a position of its own in a document, so no phrase matches
                // across two paragraphs of the one report-level row (see `StoredReport`).
                if value == StoredReport.paragraphBreak && mode == .document {
                    let code = emitSlice(text, offset, offset + length, colocated: false, emit)
                    if code != 0 { return code }
                }
                offset += length
            case .ideograph:
                let next = offset + length
                var nextLength = 0
                if next < text.count {
                    let (following, followingLength) = UTF8Scalars.decode(text, at: next)
                    if ScalarClass.isIdeograph(following) { nextLength = followingLength }
                }
                let code: Int32
                if nextLength > 0 {
                    code = emitSlice(text, offset, next + nextLength, colocated: false, emit)
                    if code == 0 && mode == .document {
                        let unigramCode = emitSlice(text, offset, next, colocated: true, emit)
                        if unigramCode != 0 { return unigramCode }
                    }
                } else {
                    code = emitSlice(text, offset, next, colocated: false, emit)
                }
                if code != 0 { return code }
                offset = next
            case let kind:
                let start = offset
                word.removeAll(keepingCapacity: true)
                while offset < text.count {
                    let (wordRaw, wordLength) = UTF8Scalars.decode(text, at: offset)
                    let wordValue = ScalarClass.halfWidth(wordRaw)
                    guard ScalarClass.of(wordValue) == kind else { break }
                    appendLowercased(wordValue, to: &word)
                    offset += wordLength
                }
                let code = word.withUnsafeBufferPointer { emit($0, start, offset, false) }
                if code != 0 { return code }
            }
        }
        return 0
    }

    @inline(__always)
    private static func emitSlice(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                  colocated: Bool, _ emit: Emit) -> Int32 {
        emit(UnsafeBufferPointer(rebasing: text[start..<end]), start, end, colocated)
    }

    @inline(__always)
    static func appendLowercased(_ value: UInt32, to word: inout [UInt8]) {
        if value < 0x80 {
            word.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
        } else if let scalar = Unicode.Scalar(value) {
            word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }
}
