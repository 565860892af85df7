import ReportProtocol

/// The client side of the clone pattern: stored events from the daemon's `replay`, then live ones from the feed,
/// printed as JSON Lines in seq order with no gap and no duplicate.
/// The caller subscribes to the feed before the first `catchUp`, so every event is either stored
/// before the replay reads or delivered live afterwards; whatever both paths bring is printed once.
final class FeedFollower {
    static let pageSize = 1000

    private let topic: String?
    private let control: ControlClient
    private let isStopping: () -> Bool
    /// The seq of the last event printed, or the `--since` the user gave.
    private(set) var lastPrinted: Int64?
    private var sawLiveEvent = false

    init(topic: String?, since: Int64?, control: ControlClient, isStopping: @escaping () -> Bool) {
        self.topic = topic
        self.lastPrinted = since
        self.control = control
        self.isStopping = isStopping
    }

    /// Prints the stored events after `lastPrinted`, a page at a time, until a page comes back short
    /// and says there is no more.
    func catchUp() throws {
        guard var cursor = lastPrinted else { return }
        while !isStopping() {
            let page = try control.call(
                ControlRequest(command: .replay, limit: Self.pageSize, since: cursor, topic: topic), as: ReplayView.self)
            for event in page.events { try emit(event) }
            guard page.events.count >= Self.pageSize || page.more == true, let last = page.events.last?.seq, last > cursor
            else { return }
            cursor = last
        }
    }

    /// Prints a live event, first fetching from storage any events it skipped over.
    /// The first live event may follow a gap while the subscription was still reaching the daemon;
    /// without a topic filter seqs are contiguous, so any later gap (events the feed dropped) shows too.
    func receive(_ event: FeedEnvelope) throws {
        if let last = lastPrinted, event.seq > last + 1, topic == nil || !sawLiveEvent {
            do { try catchUp() } catch CLIError.interrupted {
                throw CLIError.interrupted
            } catch let error as CLIError {
                Output.warning("events after seq \(last) may be missing: \(error)")
            }
        }
        sawLiveEvent = true
        try emit(event)
    }

    private func emit(_ event: FeedEnvelope) throws {
        if let last = lastPrinted, event.seq <= last { return }
        // The daemon filters replays by topic too; this also covers one that does not.
        if let topic, !event.topic.rawValue.hasPrefix(topic) { return }
        try Output.jsonLine(event)
        lastPrinted = event.seq
    }
}
