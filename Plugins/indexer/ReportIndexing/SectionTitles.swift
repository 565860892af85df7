import ReportProtocol

/// The title of the innermost section each paragraph belongs to, from the parser's outline.
enum SectionTitles {
    /// One entry per paragraph; nil before the first heading or where the outline says nothing.
    /// Out-of-range indices in the outline are clamped rather than trusted.
    static func perParagraph(of document: ParsedDocument) -> [String?] {
        var titles = [String?](repeating: nil, count: document.paragraphs.count)
        // Parents are applied before their children, so the innermost section wins.
        func apply(_ sections: [Section]) {
            for section in sections {
                let start = max(0, section.paragraphIndex)
                let end = min(titles.count, start + max(1, section.paragraphCount))
                if start < end {
                    for index in start..<end { titles[index] = section.title }
                }
                apply(section.children)
            }
        }
        apply(document.sections)
        return titles
    }
}
