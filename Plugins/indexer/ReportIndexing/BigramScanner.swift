import ChineseText

/// Splits UTF-8 text into the tokens of the search index.
///
/// Chinese has no spaces, and a user expects any run of characters that `grep` finds to be
/// found, including inside longer words (冬奥 in 冬奥会). So every ideograph takes a position
/// and yields one token there:
///
/// - in a document, the bigram it starts (冬奥) when the next scalar is an ideograph too, else
///   (at the end of a run) itself;
/// - in a query, the same, except that the last ideograph of the query's last run yields nothing
///   when the run is longer than one: the document may hold that ideograph as the start of a
///   bigram (会 in 冬奥会议) or alone, and the bigrams before it already pin it down.
///
/// A query run of n ideographs is thus a phrase of n-1 bigrams, which matches exactly where the
/// document holds those n ideographs in a row. A one-character query (a unigram) must be a
/// prefix query (`MatchExpression`): the character alone at a run's end, or any bigram it
/// starts. A run followed by another run is ambiguous (separated in the query, perhaps joined in
/// the document), which `MatchExpression` resolves by asking for both spellings. Letters and
/// digits form lowercase word tokens, full-width ASCII is folded to ASCII, and everything else
/// only separates tokens, except the paragraph break of a stored report, which is a token of its
/// own in documents.
///
/// Indexing each ideograph once, rather than its bigram and itself, halves the postings.
enum BigramScanner {
    enum Mode {
        case document
        case query
    }

    /// One token: its bytes (valid only during the call) and its byte range in the input.
    typealias Emit = (_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32

    /// Calls `emit` for every token of `text`; stops early and returns the first non-zero
    /// value `emit` returns (an SQLite error code), else 0.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, mode: Mode, emit: Emit) -> Int32 {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var offset = 0
        var runLength = 0
        while offset < text.count {
            let (raw, length) = UTF8Scalars.decode(text, at: offset)
            let value = ScalarClass.halfWidth(raw)
            switch ScalarClass.of(value) {
            case .separator:
                runLength = 0
                // A paragraph break takes a position of its own in a document, so no phrase matches
                // across two paragraphs of the one report-level row (see `StoredReport`).
                if value == StoredReport.paragraphBreak && mode == .document {
                    let code = emitSlice(text, offset, offset + length, emit)
                    if code != 0 { return code }
                }
                offset += length
            case .ideograph:
                runLength += 1
                let next = offset + length
                var nextLength = 0
                if next < text.count {
                    let (following, followingLength) = UTF8Scalars.decode(text, at: next)
                    if ScalarClass.isIdeograph(following) { nextLength = followingLength }
                }
                if nextLength > 0 {
                    let code = emitSlice(text, offset, next + nextLength, emit)
                    if code != 0 { return code }
                } else if mode == .document || runLength == 1 || hasToken(text, from: next) {
                    let code = emitSlice(text, offset, next, emit)
                    if code != 0 { return code }
                }
                offset = next
            case let kind:
                runLength = 0
                let start = offset
                word.removeAll(keepingCapacity: true)
                while offset < text.count {
                    let (wordRaw, wordLength) = UTF8Scalars.decode(text, at: offset)
                    let wordValue = ScalarClass.halfWidth(wordRaw)
                    guard ScalarClass.of(wordValue) == kind else { break }
                    appendLowercased(wordValue, to: &word)
                    offset += wordLength
                }
                let code = word.withUnsafeBufferPointer { emit($0, start, offset) }
                if code != 0 { return code }
            }
        }
        return 0
    }

    /// Whether anything after `offset` makes a token: a query's last run of ideographs ends
    /// without its final unigram, which the document may not hold (see the type's comment).
    private static func hasToken(_ text: UnsafeBufferPointer<UInt8>, from offset: Int) -> Bool {
        var offset = offset
        while offset < text.count {
            let (raw, length) = UTF8Scalars.decode(text, at: offset)
            if ScalarClass.of(ScalarClass.halfWidth(raw)) != .separator { return true }
            offset += length
        }
        return false
    }

    @inline(__always)
    private static func emitSlice(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ emit: Emit) -> Int32 {
        emit(UnsafeBufferPointer(rebasing: text[start..<end]), start, end)
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
