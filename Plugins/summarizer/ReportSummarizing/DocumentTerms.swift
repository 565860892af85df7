import ChineseText
import ReportProtocol

/// A document's paragraphs segmented once, with each keyword candidate as an integer: the
/// keywords and the sentence graph both read these, so no text is cut twice and no term is
/// hashed as a string more than once per distinct dictionary word.
struct DocumentTerms {
    /// One candidate occurrence: which term, and at which scalar offset of its paragraph.
    struct Occurrence {
        let term: Int32
        let start: Int32
    }

    /// Candidate terms by id.
    private(set) var terms: [String] = []
    /// Per paragraph: its segmentation and its candidate occurrences in text order.
    private(set) var paragraphs: [(text: SegmentedText, occurrences: [Occurrence])] = []

    init(_ paragraphs: [String], filter: TermFilter) {
        // Sized from the text (a 45 KB sample variant has about 1,500 candidate terms): growing
        // both tables step by step was 2% of a summarizer job (perf, 2026-12-06).
        let bytes = paragraphs.reduce(0) { $0 + $1.utf8.count }
        var termOfWord = [Int32: Int32](minimumCapacity: bytes / 16)
        var idOfTerm = [TermKey: Int32](minimumCapacity: bytes / 24)
        terms.reserveCapacity(bytes / 24)
        self.paragraphs.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            let cut = filter.segmenter.segmented(paragraph)
            var occurrences: [Occurrence] = []
            for span in cut.spans where span.kind == .word && span.range.count >= 2 {
                let term: Int32
                if let known = termOfWord[span.word] {
                    term = known
                } else {
                    term = filter.term(forWord: cut.text(span.range)).map { text in
                        if let id = idOfTerm[TermKey(text)] { return id }
                        let id = Int32(terms.count)
                        idOfTerm[TermKey(text)] = id
                        terms.append(text)
                        return id
                    } ?? -1
                    termOfWord[span.word] = term
                }
                if term >= 0 { occurrences.append(Occurrence(term: term, start: Int32(span.range.lowerBound))) }
            }
            self.paragraphs.append((cut, occurrences))
        }
    }

    /// The candidate terms of each paragraph, in order, as ids into `terms`.
    var passages: [[Int32]] {
        paragraphs.map { $0.occurrences.map(\.term) }
    }
}
