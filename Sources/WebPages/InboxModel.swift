import ReportProtocol

/// One report as the inbox shows it: where it is in the pipeline, folded from its feed events.
public struct InboxRow: Sendable, Equatable {
    /// The pipeline's steps in order; `indexed` and `summarized` run side by side after `parsed`.
    public enum Step: String, CaseIterable, Sendable {
        case accepted, parsed, indexed, summarized, done

        public var label: String {
            switch self {
            case .accepted: "接收"
            case .parsed: "解析"
            case .indexed: "索引"
            case .summarized: "摘要"
            case .done: "完成"
            }
        }
    }

    public var reportId: String
    public var file: String
    public var acceptedAt: String
    public var reached: Set<Step>
    public var title: String?
    public var region: String?
    /// The stage that gave up and why, for a failed report.
    public var failure: (stage: String, reason: String)?
    /// The seq of the newest event folded in.
    public var lastSeq: Int64

    public var isDone: Bool { reached.contains(.done) }

    /// `done`, `failed`, or the furthest step reached.
    public var state: String {
        if failure != nil { return "failed" }
        return Step.allCases.last { reached.contains($0) }?.rawValue ?? "accepted"
    }

    public static func == (left: InboxRow, right: InboxRow) -> Bool {
        left.reportId == right.reportId && left.file == right.file && left.acceptedAt == right.acceptedAt
            && left.reached == right.reached && left.title == right.title && left.region == right.region
            && left.failure?.stage == right.failure?.stage && left.failure?.reason == right.failure?.reason
            && left.lastSeq == right.lastSeq
    }
}

/// Folds feed events into inbox rows. The decision logic of the inbox page, apart from any I/O.
public enum InboxModel {
    /// Rows for the reports whose events are given, newest acceptance first, at most `limit`.
    /// Events may come in any order of topic (the server fetches each topic apart); they are
    /// applied in seq order. A report whose `report.accepted` is not among them is left out:
    /// its acceptance lies before the window asked for.
    public static func rows(from events: [FeedEnvelope], limit: Int) -> [InboxRow] {
        var rows: [String: InboxRow] = [:]
        for event in events.sorted(by: { $0.seq < $1.seq }) {
            apply(event, to: &rows)
        }
        return rows.values.sorted { $0.acceptedAt == $1.acceptedAt ? $0.lastSeq > $1.lastSeq : $0.acceptedAt > $1.acceptedAt }
            .prefix(limit).map { $0 }
    }

    static func apply(_ event: FeedEnvelope, to rows: inout [String: InboxRow]) {
        if event.topic == .accepted {
            // A retried report starts its steps again.
            rows[event.reportId] = InboxRow(reportId: event.reportId, file: event.file, acceptedAt: event.time,
                                            reached: [.accepted], lastSeq: event.seq)
            return
        }
        guard var row = rows[event.reportId] else { return }
        row.lastSeq = event.seq
        switch event.topic {
        case .accepted: break
        case .parsed: row.reached.formUnion([.parsed])
        // Indexing and summarizing both start from the parsed document, so either implies it.
        case .indexed: row.reached.formUnion([.parsed, .indexed])
        case .summarized: row.reached.formUnion([.parsed, .summarized])
        case .done:
            row.reached = Set(InboxRow.Step.allCases)
            row.title = event.data["title"]?.stringValue
            row.region = event.data["region"]?.stringValue
        case .failed:
            row.failure = (event.data["stage"]?.stringValue ?? "?", event.data["reason"]?.stringValue ?? "")
        // An analysis event about the report's figures, not a step of its way through the pipeline.
        case .targetResolved: break
        }
        rows[event.reportId] = row
    }
}
