/// Reads the text of a DOCX `document.xml`: one line per `<w:p>`, tabs and breaks kept, bold
/// runs marked `**…**` (the normaliser splits a bold lead phrase off a heading, then drops the
/// marks), and heading-styled paragraphs set apart by blank lines so they stay paragraphs of
/// their own. Deleted revisions and field codes are not text.
enum WordprocessingML {
    static func text(fromDocumentXML xml: [UInt8]) -> String {
        var reader = Reader(xml)
        return reader.run()
    }

    private struct Reader {
        let x: [UInt8]
        var i = 0
        var out = [UInt8]()
        var paragraph = [UInt8]()
        var inText = false
        var runBold = false
        var paragraphIsHeading = false
        var boldOpen = false

        init(_ xml: [UInt8]) {
            x = xml
            out.reserveCapacity(xml.count / 3)
        }

        mutating func run() -> String {
            while i < x.count {
                if x[i] == UInt8(ascii: "<") {
                    readTag()
                } else {
                    if inText { appendText(x[i]) }
                    i += 1
                }
            }
            endParagraph()
            return String(decoding: out, as: UTF8.self)
        }

        mutating func readTag() {
            var j = i + 1
            let closing = j < x.count && x[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < x.count, !isNameEnd(x[j]) { j += 1 }
            let name = String(decoding: x[nameStart..<j], as: UTF8.self)
            let attributesStart = j
            while j < x.count, x[j] != UInt8(ascii: ">") { j += 1 }
            let selfClosing = j > attributesStart && x[j - 1] == UInt8(ascii: "/")
            let attributes = x[attributesStart..<j]
            i = min(j + 1, x.count)
            handle(name, closing: closing, selfClosing: selfClosing, attributes: attributes)
        }

        mutating func handle(_ name: String, closing: Bool, selfClosing: Bool, attributes: ArraySlice<UInt8>) {
            switch name {
            case "w:p":
                if closing || selfClosing { endParagraph() } else { paragraph.removeAll(keepingCapacity: true); paragraphIsHeading = false }
            case "w:pStyle":
                let value = String(decoding: attributes, as: UTF8.self).lowercased()
                if value.contains("heading") || value.contains("title") || value.contains("标题") || isNumericHeadingStyle(value) {
                    paragraphIsHeading = true
                }
            case "w:r":
                if !closing { runBold = false } else { closeBold() }
            case "w:b":
                // <w:b/> or <w:b w:val="1"/> turns bold on; w:val="0"/"false" turns it off.
                let value = String(decoding: attributes, as: UTF8.self)
                runBold = !(value.contains("\"0\"") || value.contains("\"false\""))
            case "w:t":
                inText = !closing && !selfClosing
                if inText, runBold, !boldOpen { paragraph += Array("**".utf8); boldOpen = true }
                if inText, !runBold { closeBold() }
            case "w:tab": if !closing { paragraph.append(UInt8(ascii: "\t")) }
            case "w:br", "w:cr": if !closing { closeBold(); paragraph.append(UInt8(ascii: "\n")) }
            default: break
            }
        }

        mutating func closeBold() {
            if boldOpen { paragraph += Array("**".utf8); boldOpen = false }
        }

        mutating func endParagraph() {
            closeBold()
            inText = false
            guard !paragraph.isEmpty else { return }
            if paragraphIsHeading { out.append(UInt8(ascii: "\n")) }
            out += paragraph
            out.append(UInt8(ascii: "\n"))
            if paragraphIsHeading { out.append(UInt8(ascii: "\n")) }
            paragraph.removeAll(keepingCapacity: true)
        }

        /// Word's built-in heading styles are stored by id: "1", "2"… in some locales.
        func isNumericHeadingStyle(_ attributes: String) -> Bool {
            guard let start = attributes.range(of: "w:val=\"") else { return false }
            let value = attributes[start.upperBound...].prefix { $0 != "\"" }
            return !value.isEmpty && value.count <= 2 && value.allSatisfy(\.isNumber)
        }

        /// Text bytes, with the five XML entities and numeric references decoded.
        mutating func appendText(_ b: UInt8) {
            guard b == UInt8(ascii: "&") else { paragraph.append(b); return }
            var j = i + 1
            while j < x.count, j - i <= 10, x[j] != UInt8(ascii: ";") { j += 1 }
            guard j < x.count, x[j] == UInt8(ascii: ";"),
                  let scalar = HTMLEntities.scalar(for: String(decoding: x[(i + 1)..<j], as: UTF8.self)) else {
                paragraph.append(b)
                return
            }
            paragraph += Array(String(scalar).utf8)
            i = j   // the caller steps past the ";"
        }

        func isNameEnd(_ b: UInt8) -> Bool {
            b == UInt8(ascii: " ") || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "\t")
                || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
        }
    }
}
