/// A change the pipeline core asks of the store. The loop collects a wake-up's writes and
/// commits them together (`StateStore.commit`), then tells the core what each one did.
enum StoreWrite: Sendable {
    /// The first stage's result: the document, its headline, fingerprint and facts; the report becomes
    /// `parsed`. The facts are written when the report is done (`TargetResolution`).
    case parsed(id: String, file: String, document: [UInt8], headline: DocumentHeadline, fingerprint: TextFingerprint,
                facts: DocumentFacts)
    /// A later stage's result; when it is the last one in, the same savepoint marks the report done.
    case stage(Stage, id: String, file: String, result: [UInt8], output: StageOutput)
    /// Counts a try of the report's current stage, so attempts survive a restart.
    case attempts(id: String, count: Int)
    /// Ends a report still in the pipeline (the dead-letter state).
    case failure(id: String, file: String, stage: String, reason: String, attempts: Int)
    /// A finished report's fresh index result (`reportctl reindex`).
    case reindexed(id: String, file: String, result: [UInt8])

    var reportId: String {
        switch self {
        case .parsed(let id, _, _, _, _, _), .stage(_, let id, _, _, _), .attempts(let id, _), .failure(let id, _, _, _, _),
             .reindexed(let id, _, _): id
        }
    }
}
