import ReportProtocol

/// One paragraph as stored: its place in the document, the sections it is in, its text.
struct ParagraphRow {
    var ordinal: Int
    var section: String?
    var topSection: String?
    var body: String

    /// Blank paragraphs hold nothing to find and are not stored.
    static func rows(of document: ParsedDocument) -> [ParagraphRow] {
        let places = SectionTitles.perParagraph(of: document)
        return document.paragraphs.enumerated().compactMap { ordinal, body in
            guard body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
            return ParagraphRow(ordinal: ordinal, section: places[ordinal].section,
                                topSection: places[ordinal].topSection, body: body)
        }
    }
}
