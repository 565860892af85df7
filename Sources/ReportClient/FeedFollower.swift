import ReportProtocol

/// The client side of the clone pattern: stored events from the daemon's `replay`, then live ones from the feed,
/// handed to `deliver` in seq order with no gap and no duplicate.
/// The caller subscribes to the feed before the first `catchUp`, so every event is either stored
/// before the replay reads or delivered live afterwards; whatever both paths bring is delivered once.
public final class FeedFollower {
    public static let pageSize = 1000

    private let topic: String?
    private let control: ControlClient
    private let isStopping: () -> Bool
    private let deliver: (FeedEnvelope) throws -> Void
    private let warn: (String) -> Void
    /// The seq of the last event delivered, or the `since` the caller gave.
    public private(set) var lastDelivered: Int64?
    private var sawLiveEvent = false

    /// `deliver` gets each event once, in seq order; `warn` hears of events that may be missing.
    public init(topic: String?, since: Int64?, control: ControlClient, isStopping: @escaping () -> Bool,
                deliver: @escaping (FeedEnvelope) throws -> Void, warn: @escaping (String) -> Void) {
        self.topic = topic
        self.lastDelivered = since
        self.control = control
        self.isStopping = isStopping
        self.deliver = deliver
        self.warn = warn
    }

    /// Delivers the stored events after `lastDelivered`, a page at a time, until a page comes back short
    /// and says there is no more.
    public func catchUp() throws {
        guard var cursor = lastDelivered else { return }
        while !isStopping() {
            let page = try control.call(
                ControlRequest(command: .replay, limit: Self.pageSize, since: cursor, topic: topic), as: ReplayView.self)
            for event in page.events { try emit(event) }
            guard page.events.count >= Self.pageSize || page.more == true, let last = page.events.last?.seq, last > cursor
            else { return }
            cursor = last
        }
    }

    /// Delivers a live event, first fetching from storage any events it skipped over.
    /// The first live event may follow a gap while the subscription was still reaching the daemon;
    /// without a topic filter seqs are contiguous, so any later gap (events the feed dropped) shows too.
    public func receive(_ event: FeedEnvelope) throws {
        if let last = lastDelivered, event.seq > last + 1, topic == nil || !sawLiveEvent {
            do { try catchUp() } catch ControlClientError.interrupted {
                throw ControlClientError.interrupted
            } catch let error as ControlClientError {
                warn("events after seq \(last) may be missing: \(error)")
            }
        }
        sawLiveEvent = true
        try emit(event)
    }

    private func emit(_ event: FeedEnvelope) throws {
        if let last = lastDelivered, event.seq <= last { return }
        // The daemon filters replays by topic too; this also covers one that does not.
        if let topic, !event.topic.rawValue.hasPrefix(topic) { return }
        try deliver(event)
        lastDelivered = event.seq
    }
}
