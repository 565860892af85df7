import ReportProtocol

/// The inbox of one live connection: the rows it started from, then each feed event folded in,
/// answering with the row to re-send when an event changed one. No I/O.
public struct LiveInbox {
    private var rows: [String: InboxRow] = [:]

    public init(events: [FeedEnvelope]) {
        for event in events.sorted(by: { $0.seq < $1.seq }) { InboxModel.apply(event, to: &rows) }
    }

    /// Rows changed after `seq`: what a page rendered at `seq` has not shown yet.
    public func rows(after seq: Int64) -> [InboxRow] {
        rows.values.filter { $0.lastSeq > seq }.sorted { $0.lastSeq < $1.lastSeq }
    }

    /// Folds in one event; the row as it now stands when the event was about a report in view
    /// (a report accepted before the window and never seen stays out, as on the page).
    public mutating func apply(_ event: FeedEnvelope) -> InboxRow? {
        if let known = rows[event.reportId], known.lastSeq >= event.seq { return nil }
        InboxModel.apply(event, to: &rows)
        return rows[event.reportId]
    }
}
