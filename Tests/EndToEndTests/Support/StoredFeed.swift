import Foundation
import ReportProtocol

/// The events a fake daemon has stored, numbered as reportd numbers them, answering `replay` pages.
final class StoredFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [FeedEnvelope] = []

    /// Stores the next event; topics cycle through the pipeline's so filters have something to filter.
    @discardableResult
    func append(topic: FeedTopic? = nil) -> FeedEnvelope {
        lock.withLock {
            let seq = Int64(events.count + 1)
            let chosen = topic ?? FeedTopic.allCases[Int(seq - 1) % FeedTopic.allCases.count]
            let envelope = FeedEnvelope(seq: seq, topic: chosen, reportId: String(repeating: "c0ffee00", count: 8),
                                        file: "report-\(seq).txt", time: Date().rfc3339, data: .object(["n": .number(Double(seq))]))
            events.append(envelope)
            return envelope
        }
    }

    var lastSeq: Int64 { lock.withLock { events.last?.seq ?? 0 } }

    /// What reportd's `replay` answers: seq > since, topic prefix, oldest first, at most limit.
    func page(for request: ControlRequest) -> ReplayView {
        lock.withLock {
            let since = request.since ?? 0
            let matching = events.filter { $0.seq > since && $0.topic.rawValue.hasPrefix(request.topic ?? "") }
            return ReplayView(events: Array(matching.prefix(request.limit ?? 1000)), lastSeq: events.last?.seq ?? 0)
        }
    }
}
