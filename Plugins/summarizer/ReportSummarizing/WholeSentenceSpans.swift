import ChineseText

/// Where `SentenceSplitter.wholeSentences(of:)` cuts a paragraph, as Unicode-scalar ranges with
/// the surrounding spaces left out: the summarizer slices the paragraph's segmentation by them
/// instead of segmenting every sentence again. Same rules (a test compares the two on every
/// sample): up to 。！？； (or half-width) plus the closing marks right after, not inside quotes
/// or brackets, a trailing fragment dropped, and plain splitting when the quotes do not balance.
enum WholeSentenceSpans {
    static func of(_ scalars: [UInt32]) -> [Range<Int>] {
        let nested = split(scalars, respectNesting: true)
        return nested.isEmpty ? split(scalars, respectNesting: false) : nested
    }

    private static func split(_ scalars: [UInt32], respectNesting: Bool) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start = 0
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isOpener(scalar) { depth += 1 }
            if isCloser(scalar) { depth = max(0, depth - 1) }
            index += 1
            guard isTerminator(scalar), !respectNesting || depth == 0 else { continue }
            while index < scalars.count, isCloser(scalars[index]) {
                index += 1
                depth = max(0, depth - 1)
            }
            var first = start, end = index
            while first < end, isSpace(scalars[first]) { first += 1 }
            while end > first, isSpace(scalars[end - 1]) { end -= 1 }
            if first < end { spans.append(first..<end) }
            start = index
        }
        return spans
    }

    // 。！？；!?;
    @inline(__always) private static func isTerminator(_ s: UInt32) -> Bool {
        s == 0x3002 || s == 0xff01 || s == 0xff1f || s == 0xff1b || s == 0x21 || s == 0x3f || s == 0x3b
    }

    // “‘（(「『《【
    @inline(__always) private static func isOpener(_ s: UInt32) -> Bool {
        s == 0x201c || s == 0x2018 || s == 0xff08 || s == 0x28 || s == 0x300c || s == 0x300e || s == 0x300a || s == 0x3010
    }

    // ”’）)」』》】
    @inline(__always) private static func isCloser(_ s: UInt32) -> Bool {
        s == 0x201d || s == 0x2019 || s == 0xff09 || s == 0x29 || s == 0x300d || s == 0x300f || s == 0x300b || s == 0x3011
    }

    /// Foundation's `CharacterSet.whitespaces`, which the splitter trims: tab and the space separators (Zs).
    @inline(__always) private static func isSpace(_ s: UInt32) -> Bool {
        if s < 0x80 { return s == 0x20 || s == 0x09 }
        return Unicode.Scalar(s)?.properties.generalCategory == .spaceSeparator
    }
}
