import ReportClient
import ReportProtocol

/// The feed events the inbox is folded from: the newest acceptances and, from the oldest of
/// those on, the light stage events. `report.parsed` and `report.summarized` are not fetched:
/// they carry the whole parsed document and the summary (about 10 KB each, which made the inbox
/// of a debug build take 420 ms at p50), `report.indexed` implies parsing, and `report.done`
/// every step. A report between summarizing and done shows that step once the live stream starts.
enum InboxWindow {
    /// Reports shown on the inbox page.
    static let reports = 100
    /// The events that end a report.
    static let endTopics: [FeedTopic] = [.done, .failed]

    static func events(through client: ControlClient, lastSeq: Int64) throws -> [FeedEnvelope] {
        // Each report publishes about five events, so the first window usually holds the newest
        // `reports` acceptances; when other events crowd it (a reindex publishes one per report),
        // it grows fourfold until it does or reaches the oldest stored event.
        var span = Int64(reports * 10)
        var accepted: [FeedEnvelope]
        while true {
            let since = max(0, lastSeq - span)
            accepted = try replay(client, topic: .accepted, since: since)
            if accepted.count >= reports || since == 0 { break }
            span *= 4
        }
        accepted = Array(accepted.suffix(reports))
        guard let first = accepted.first?.seq else { return [] }
        var events = accepted
        for topic in endTopics {
            events += try replay(client, topic: topic, since: first - 1)
        }
        // `report.indexed` only from the oldest report not done since its acceptance (`report.done`
        // implies every step; a failed report shows the steps it reached): a reindex publishes one
        // per stored report, and after a reindex of 10,000 the inbox read all of them (606 ms at
        // p50 in a release build, web_bench).
        var done: [String: Int64] = [:]
        for event in events where event.topic == .done { done[event.reportId] = max(done[event.reportId] ?? 0, event.seq) }
        if let oldestInFlight = accepted.first(where: { (done[$0.reportId] ?? 0) < $0.seq })?.seq {
            events += try replay(client, topic: .indexed, since: oldestInFlight - 1)
        }
        return events
    }

    private static func replay(_ client: ControlClient, topic: FeedTopic, since: Int64) throws -> [FeedEnvelope] {
        var events: [FeedEnvelope] = []
        var cursor = since
        while true {
            let page = try client.call(
                ControlRequest(command: .replay, limit: FeedFollower.pageSize, since: cursor, topic: topic.rawValue), as: ReplayView.self)
            events += page.events
            guard page.events.count >= FeedFollower.pageSize || page.more == true, let last = page.events.last?.seq, last > cursor
            else { return events }
            cursor = last
        }
    }
}
