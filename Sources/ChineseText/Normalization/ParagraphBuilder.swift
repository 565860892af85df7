/// Rebuilds paragraphs from lines. Two layouts occur:
/// - wrapped (PDF extraction): every line is cut at a fixed width, so a paragraph ends on a
///   line that is short or ends in 。/：/…, and a new one starts on an indented (2 characters
///   shorter) line;
/// - unwrapped (word processor, web page): a line is a paragraph, except that some are broken
///   mid-sentence, which shows as a line with prose punctuation that does not end in any.
/// Blank lines carry no meaning in either (PDFs put one between every wrapped line).
struct ParagraphBuilder {
    enum Layout: Equatable { case wrapped(width: Int), unwrapped }

    let lines: [String]
    let widths: [Int]
    let layout: Layout

    init(lines: [String]) {
        self.lines = lines
        widths = lines.map(ScalarClass.displayWidth(of:))
        layout = Self.detectLayout(widths)
    }

    /// Wrapped when at least half the lines sit within two columns of the most common width.
    static func detectLayout(_ widths: [Int]) -> Layout {
        guard widths.count >= 6 else { return .unwrapped }
        var histogram = [Int: Int]()
        for w in widths where w >= 20 { histogram[w, default: 0] += 1 }
        guard let mode = histogram.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key, mode <= 160 else {
            return .unwrapped
        }
        let near = widths.filter { abs($0 - mode) <= 2 }.count
        return near * 2 >= widths.count ? .wrapped(width: mode) : .unwrapped
    }

    func build() -> [String] {
        var paragraphs = [String]()
        // Whole lines are appended as strings: their UTF-8 is copied, not transcoded scalar by scalar.
        var current = ""
        var linesInCurrent = 0
        func flush() {
            if !current.isEmpty { paragraphs.append(contentsOf: Self.splitInlineHeading(current)) }
            current = ""
            linesInCurrent = 0
        }
        for k in lines.indices {
            let line = lines[k]
            if let last = current.unicodeScalars.last, let first = line.unicodeScalars.first,
               ScalarClass.isASCIILetter(last) && ScalarClass.isASCIILetter(first) {
                current.append(" ")   // an English word is not split by a wrap; a space was lost
            }
            current.append(line)
            linesInCurrent += 1
            if endsParagraph(at: k, isFirstLine: linesInCurrent == 1) { flush() }
        }
        flush()
        return paragraphs
    }

    func endsParagraph(at k: Int, isFirstLine: Bool) -> Bool {
        guard k + 1 < lines.count else { return true }
        if HeadingMarker.parse(lines[k + 1]) != nil { return true }   // never join a heading to what precedes it
        let terminal = Self.endsWithTerminal(lines[k])
        switch layout {
        case .wrapped(let width):
            if !terminal {
                // A heading runs on to the next line only when it reached the margin
                // (its line is indented like any first line, so the margin is 2 characters in).
                let isHeading = isFirstLine && HeadingMarker.parse(lines[k]) != nil
                return widths[k] < (isHeading ? width - 4 : width - 8)
            }
            let full = widths[k] >= (isFirstLine ? width - 6 : width - 2)
            if !full { return true }
            // A sentence ended exactly at the margin: a new paragraph shows by its indent.
            let next = widths[k + 1]
            return next >= width - 7 && next <= width - 3
        case .unwrapped:
            if terminal || HeadingMarker.parse(lines[k]) != nil { return true }
            // A line with no prose punctuation is a title, a byline, a dateline or a heading;
            // so is a short one with commas only ("突出财源建设，增强发展动能", a heading that
            // lost its number). A broken sentence shows a 。 inside or a trailing comma.
            if !Self.containsProsePunctuation(lines[k]) { return widths[k] <= 120 }
            return widths[k] <= 60 && !Self.containsSentencePunctuation(lines[k])
                && lines[k].unicodeScalars.last != "，" && lines[k].unicodeScalars.last != "、"
        }
    }

    static func endsWithTerminal(_ line: String) -> Bool {
        // Closing quotes and brackets after the punctuation ("…。”") do not hide it.
        for s in line.unicodeScalars.reversed() where !ScalarClass.isClosingMark(s) {
            switch s {
            case "。", "！", "？", "；", "：", "…", "!", "?", ";", ":": return true
            default: return false
            }
        }
        return false
    }

    static func containsProsePunctuation(_ line: String) -> Bool {
        line.unicodeScalars.contains { s in
            switch s {
            case "，", "。", "、", "；", "：", "！", "？": return true
            default: return false
            }
        }
    }

    static func containsSentencePunctuation(_ line: String) -> Bool {
        line.unicodeScalars.contains { "。！？；：".unicodeScalars.contains($0) }
    }

    /// "（一）守好绿水青山，筑牢首都东部生态屏障。把生态保护放在首位…" holds a heading and the
    /// start of its body: they become two paragraphs, split after the heading's 。.
    static func splitInlineHeading(_ paragraph: String) -> [String] {
        guard HeadingMarker.parse(paragraph) != nil else { return [paragraph] }
        let s = paragraph.unicodeScalarArray
        guard let stop = s.firstIndex(where: { $0 == "。" || $0 == "！" || $0 == "？" }),
              stop <= 60, stop + 1 < s.count else { return [paragraph] }
        return [String(scalars: s[...stop]), String(scalars: s[(stop + 1)...])]
    }
}
