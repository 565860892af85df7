import ReportProtocol

/// The sections each paragraph belongs to, from the parser's outline.
enum SectionTitles {
    struct Place: Equatable {
        /// The innermost section: what a hit shows.
        var section: String?
        /// The top-level section: what `--section 重点任务` usually names.
        var topSection: String?
    }

    /// One entry per paragraph; nil titles before the first heading or where the outline says
    /// nothing. Out-of-range indices in the outline are clamped rather than trusted.
    static func perParagraph(of document: ParsedDocument) -> [Place] {
        var places = [Place](repeating: Place(), count: document.paragraphs.count)
        // Parents are applied before their children, so the innermost section wins.
        func apply(_ sections: [Section], top: String?) {
            for section in sections {
                let start = max(0, section.paragraphIndex)
                let end = min(places.count, start + max(1, section.paragraphCount))
                let topTitle = top ?? section.title
                if start < end {
                    for index in start..<end {
                        places[index].section = section.title
                        places[index].topSection = topTitle
                    }
                }
                apply(section.children, top: topTitle)
            }
        }
        apply(document.sections, top: nil)
        return places
    }
}
