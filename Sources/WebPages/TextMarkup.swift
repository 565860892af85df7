/// One paragraph of report text as HTML: escaped, its figures as links to the indicator table,
/// the search terms marked. Figures and terms may overlap; each stretch of text is emitted once
/// with the tags of whatever covers it.
enum TextMarkup {
    static func paragraph(_ text: String, marks: [FigureLocator.Mark], terms: [String]) -> String {
        let characters = Array(text)
        var figureAt = [Int?](repeating: nil, count: characters.count)
        for mark in marks {
            for offset in mark.range where offset < characters.count { figureAt[offset] = mark.indicators[0] }
        }
        var termAt = [Bool](repeating: false, count: characters.count)
        for term in terms {
            let needle = Array(term)
            var from = 0
            while from < characters.count, let found = FigureLocator.find(needle, in: Array(characters[from...])) {
                for offset in (from + found)..<(from + found + needle.count) { termAt[offset] = true }
                from += found + needle.count
            }
        }
        var html = ""
        var anchored = Set<Int>()
        var start = 0
        while start < characters.count {
            var end = start + 1
            while end < characters.count, figureAt[end] == figureAt[start], termAt[end] == termAt[start] { end += 1 }
            var piece = HTML.escape(String(characters[start..<end]))
            if termAt[start] { piece = "<mark class=\"term\">\(piece)</mark>" }
            if let figure = figureAt[start] {
                // The anchor goes on the first stretch of a figure only: ids are unique.
                let id = anchored.insert(figure).inserted ? " id=\"fig-\(figure)\"" : ""
                piece = "<a class=\"fig\"\(id) href=\"#ind-\(figure)\">\(piece)</a>"
            }
            html += piece
            start = end
        }
        return html
    }
}
