import ReportProtocol

/// Where a report is in the pipeline. Persisted as text in `reports.state`.
enum ReportState: String, Sendable, CaseIterable {
    /// Recorded, waiting for (or in) the parser.
    case accepted
    /// Parsed; indexing and summarizing pending or running.
    case parsed
    case done
    case failed

    var isTerminal: Bool { self == .done || self == .failed }
}

/// A report row as the daemon needs it in memory: small, without the stored documents.
struct ReportRecord: Sendable, Equatable {
    var id: String
    var file: String
    var size: Int
    var state: ReportState
    var attempts: Int
    var error: String?
    var receivedAt: String
    /// The stages whose results are stored, by service (`Stage.all` names their columns).
    var storedStages: Set<String>
    /// The name the input got in failed/ (a suffix is added when the name was taken).
    var shelvedAs: String?
}

/// The stored results of a report, raw JSON exactly as the workers returned them.
struct ReportResults: Sendable {
    var document: [UInt8]?
    var index: [UInt8]?
    var summary: [UInt8]?
}

/// What `report.done` tells of a parsed document, read by the pipeline while it checks the
/// parser's result and stored beside it, so finishing a report reads no JSON back out of the store.
struct DocumentHeadline: Sendable, Equatable {
    var title: String?
    var region: String?
    var planYear: Int?
    var indicators: Int
}

extension DocumentHeadline {
    init(_ document: ParsedDocument) {
        self.init(title: document.title, region: document.region, planYear: document.planYear, indicators: document.indicators.count)
    }
}
