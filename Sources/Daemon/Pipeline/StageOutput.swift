/// What the daemon keeps of a stage's result beside its bytes.
enum StageOutput: Sendable {
    /// The parsed document: its paragraphs for the near-duplicate fingerprint, its headline for
    /// `report.done`, its facts for the facts tables.
    case document(paragraphs: [String], headline: DocumentHeadline, facts: DocumentFacts)
    case index
    /// The keyword count `report.done` carries.
    case summary(keywords: Int)
}
