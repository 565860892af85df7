/// Where a report is in the pipeline. Persisted as text in `reports.state`.
public enum ReportState: String, Sendable, CaseIterable {
    /// Recorded, waiting for (or in) the parser.
    case accepted
    /// Parsed; indexing and summarizing pending or running.
    case parsed
    case done
    case failed

    public var isTerminal: Bool { self == .done || self == .failed }
}

/// A report row as the daemon needs it in memory: small, without the stored documents.
public struct ReportRecord: Sendable, Equatable {
    public var id: String
    public var file: String
    public var size: Int
    public var state: ReportState
    public var attempts: Int
    public var error: String?
    public var receivedAt: String
    public var hasIndex: Bool
    public var hasSummary: Bool
}

/// The stored results of a report, raw JSON exactly as the workers returned them.
public struct ReportResults: Sendable {
    public var document: [UInt8]?
    public var index: [UInt8]?
    public var summary: [UInt8]?
}
