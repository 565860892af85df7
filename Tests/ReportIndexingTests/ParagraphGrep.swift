import TestSupport

extension CorpusReport {
    /// What search must answer: the reports in which a plain substring search of the paragraphs
    /// the parser produced finds `term`.
    static func ids(in reports: [CorpusReport], containing term: String) -> Set<String> {
        Set(reports.filter { $0.document.paragraphs.contains { $0.contains(term) } }.map(\.id))
    }
}
