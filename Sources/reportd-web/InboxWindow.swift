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
    static let lightTopics: [FeedTopic] = [.indexed, .done, .failed]

    static func events(through client: ControlClient, lastSeq: Int64) throws -> [FeedEnvelope] {
        // Each report publishes about five events, so this window holds the newest `reports` acceptances
        // unless many retries or reindexing crowd it; the page then shows fewer, never wrong ones.
        let since = max(0, lastSeq - Int64(reports * 10))
        let accepted = try replay(client, topic: .accepted, since: since).suffix(reports)
        guard let first = accepted.first?.seq else { return [] }
        var events = Array(accepted)
        for topic in lightTopics {
            events += try replay(client, topic: topic, since: first - 1)
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
