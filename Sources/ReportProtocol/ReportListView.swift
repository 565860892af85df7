/// The answer to `list`: stored reports, newest first, and how many matched in all.
public struct ReportListView: Codable, Sendable, Equatable {
    public var reports: [ReportListItem]
    /// Every stored report that matches the filters, of which `reports` is the newest `limit`.
    public var total: Int

    public init(reports: [ReportListItem], total: Int) {
        self.reports = reports
        self.total = total
    }
}

/// One report of a list: where it stands and what it is, without its documents.
public struct ReportListItem: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    /// `accepted`, `parsed`, `done` or `failed`.
    public var state: String
    /// RFC 3339 time the file was accepted.
    public var receivedAt: String
    public var finishedAt: String?
    public var title: String?
    public var region: String?
    public var planYear: Int?
    /// Why the report failed, when `state` is `failed`.
    public var error: String?

    public init(reportId: String, file: String, state: String, receivedAt: String, finishedAt: String? = nil,
                title: String? = nil, region: String? = nil, planYear: Int? = nil, error: String? = nil) {
        self.reportId = reportId
        self.file = file
        self.state = state
        self.receivedAt = receivedAt
        self.finishedAt = finishedAt
        self.title = title
        self.region = region
        self.planYear = planYear
        self.error = error
    }
}
