extension TextNormalizer {
    /// The bold lead phrases of a word-processor or Markdown text: a `**…**` run that opens a
    /// line (or follows a heading on it, as in sample 003's
    /// `（二）…初步形成**文化保护传承深入开展**。融入…`), short, and not itself numbered. They
    /// act as unnumbered sub-headings; normalisation drops the `**`, so they are read here
    /// from the decoded text, cleaned as the paragraphs are (final 。 or ： left off).
    public static func boldLeadPhrases(in text: String) -> Set<String> {
        guard containsDoubleAsterisk(text) else { return [] }
        var result = Set<String>()
        for line in lines(of: text) {
            for part in splitBoldLeadAfterHeading(line) where part.hasPrefix("**") {
                let inner = part.dropFirst(2)
                guard let close = inner.range(of: "**") else { continue }
                var lead = Array(InlineCleanup.clean(String(inner[..<close.lowerBound])).unicodeScalars)
                while let last = lead.last, last == "。" || last == "：" { lead.removeLast() }
                let phrase = String(String.UnicodeScalarView(lead))
                guard (2...30).contains(lead.count), lead.filter(ScalarClass.isHan).count >= 2,
                      !lead.contains(where: { $0 == "。" || $0 == "；" }), HeadingMarker.parse(phrase) == nil else { continue }
                result.insert(phrase)
            }
        }
        return result
    }

    /// Most texts hold no `**` at all: a byte scan saves splitting them into lines again.
    private static func containsDoubleAsterisk(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x2A && previous == 0x2A { return true }
            previous = byte
        }
        return false
    }
}
