/// Reduces an HTML page to its readable text: page chrome (script, style, nav, header,
/// footer…) is dropped, block elements become line breaks, entities are decoded.
public enum HTMLText {
    /// Elements whose whole content is chrome, not report text.
    static let skippedElements: Set<String> = [
        "script", "style", "nav", "header", "footer", "noscript", "template", "svg", "iframe",
        "head", "select", "button", "form", "aside", "object", "canvas",
    ]
    /// Elements that start a new line of text.
    static let blockElements: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol",
        "section", "article", "blockquote", "pre", "hr", "dd", "dt", "dl", "main", "figure",
        "figcaption", "tbody", "thead", "center", "address", "caption",
    ]

    public static func plainText(fromHTML html: String) -> String {
        var reader = HTMLReader(Array(html.unicodeScalars))
        return reader.run()
    }
}

/// One pass over the page's scalars; state lives here rather than in a god function.
private struct HTMLReader {
    let s: [Unicode.Scalar]
    var i = 0
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    var pendingNewlineInSource = false

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    mutating func run() -> String {
        while i < s.count {
            let c = s[i]
            if c == "<" {
                readMarkup()
            } else if c == "&" {
                emit(readEntity())
            } else if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                pendingSpace = true
                if c == "\n" { pendingNewlineInSource = true }
                i += 1
            } else {
                emit(c)
                i += 1
            }
        }
        return String(out)
    }

    /// Writes a text scalar, first resolving collapsed whitespace the way a browser would:
    /// a source line break between two Han characters disappears (CSS segment-break rules),
    /// other whitespace runs become one space.
    mutating func emit(_ c: Unicode.Scalar) {
        if c == "\u{A0}" { pendingSpace = true; return }
        if pendingSpace, let last = out.last, last != "\n" {
            let joinHan = pendingNewlineInSource && ScalarClass.isChineseContext(last) && ScalarClass.isChineseContext(c)
            if !joinHan { out.append(" ") }
        }
        pendingSpace = false
        pendingNewlineInSource = false
        out.append(c)
    }

    mutating func lineBreak() {
        pendingSpace = false
        pendingNewlineInSource = false
        while out.last == " " { out.removeLast() }
        if let last = out.last, last != "\n" { out.append("\n") }
    }

    mutating func readMarkup() {
        if starts(with: "<!--") {
            i = index(after: "-->", from: i + 4)
            return
        }
        if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
            i = index(after: ">", from: i + 1)
            return
        }
        let (closing, name, j) = tagName(at: i)
        guard !name.isEmpty else {
            emit("<")   // a lone "<" in text
            i += 1
            return
        }
        i = tagEnd(from: j)
        if HTMLText.skippedElements.contains(name) {
            if !closing { skipContent(of: name) }
            lineBreak()
        } else if HTMLText.blockElements.contains(name) {
            lineBreak()
        } else if name == "td" || name == "th" {
            pendingSpace = true
        }
    }

    /// Index just past the tag's ">", ignoring ">" inside quoted attribute values.
    func tagEnd(from start: Int) -> Int {
        var j = start
        var quote: Unicode.Scalar?
        while j < s.count {
            let c = s[j]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == ">" { return j + 1 }
            j += 1
        }
        return s.count
    }

    /// Skips to the matching end tag, counting nested elements of the same name
    /// (a nav inside a nav). Script and style content is raw text, so no nesting there.
    mutating func skipContent(of name: String) {
        let raw = name == "script" || name == "style"
        var depth = 1
        while i < s.count {
            if s[i] == "<" {
                let (closing, tag, j) = tagName(at: i)
                if tag == name {
                    if closing { depth -= 1 } else if !raw { depth += 1 }
                    i = tagEnd(from: j)
                    if depth == 0 { return }
                    continue
                }
            }
            i += 1
        }
    }

    /// The lowercased name of the tag whose `<` is at `start`, whether it closes an element,
    /// and the index just after the name; an empty name means the `<` opens no tag.
    func tagName(at start: Int) -> (closing: Bool, name: String, end: Int) {
        var j = start + 1
        let closing = j < s.count && s[j] == "/"
        if closing { j += 1 }
        var name = ""
        while j < s.count, ScalarClass.isASCIILetter(s[j]) || ScalarClass.isASCIIDigit(s[j]) {
            name.unicodeScalars.append(Unicode.Scalar(UInt8(s[j].value | 0x20)))
            j += 1
        }
        return (closing, name, j)
    }

    mutating func readEntity() -> Unicode.Scalar {
        var j = i + 1
        var body = ""
        while j < s.count, j - i <= 10, s[j] != ";" {
            body.unicodeScalars.append(s[j])
            j += 1
        }
        guard j < s.count, s[j] == ";", let value = HTMLEntities.scalar(for: body) else {
            i += 1
            return "&"
        }
        i = j + 1
        return value
    }

    func starts(with text: String) -> Bool {
        var j = i
        for c in text.unicodeScalars {
            guard j < s.count, s[j] == c else { return false }
            j += 1
        }
        return true
    }

    func index(after terminator: String, from start: Int) -> Int {
        let t = Array(terminator.unicodeScalars)
        var j = start
        while j + t.count <= s.count {
            if s[j] == t[0] && Array(s[j..<(j + t.count)]) == t { return j + t.count }
            j += 1
        }
        return s.count
    }
}
