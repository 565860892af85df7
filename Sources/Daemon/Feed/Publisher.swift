import Logging
import ReportProtocol
import ZMQ

/// The XPUB feed. Sends never block: a subscriber that does not read loses messages at its
/// high-water mark instead of stalling the pipeline, and catches up through `replay`.
///
/// libzmq drops at a full subscriber silently, says nothing of which peer it was, and from then on
/// leaves that peer out of every send until it reads again, without counting what it skipped. So
/// neither per-subscriber nor per-event drop counts exist. What can be counted exactly is each time a
/// subscriber's queue overflows: with ZMQ_XPUB_NODROP on, the send that finds a matching subscriber
/// full is refused; it is counted, then sent again with NODROP off, which delivers it to everyone with
/// room and parks the full one. A subscriber learns its own losses from the gaps in `seq`
/// (reportctl subscribe fills them from replay).
final class Publisher {
    let socket: Socket
    let highWaterMark: Int
    private let logger: Logger
    private(set) var subscriptions = 0
    /// Events handed to the socket since start.
    private(set) var published = 0
    /// Times a subscriber's queue reached the high-water mark; it misses every event until it reads again.
    private(set) var overflows = 0
    /// Events the socket refused outright (an error, not a slow peer).
    private(set) var unsent = 0
    /// Counts each event by topic for /metrics; set by the loop.
    var metrics: DaemonMetrics?

    init(context: Context, endpoint: String, highWaterMark: Int, logger: Logger,
         security: SocketSecurity = SocketSecurity(credentials: nil)) throws {
        socket = try context.socket(.xpub)
        try socket.setSendHighWaterMark(Int32(clamping: highWaterMark))
        try socket.setXPubVerbose(true)
        try socket.setXPubNoDrop(true)
        try security.bind(socket, to: endpoint)
        self.highWaterMark = highWaterMark
        self.logger = logger
    }

    func publish(_ event: PublishedEvent) {
        published += 1
        metrics?.published(event.topic)
        do {
            if try socket.send(multipart: event.frames, dontWait: true) { return }
            overflows += 1
            if overflows == 1 || overflows.isMultiple(of: 100) {
                logger.warning("a feed subscriber has \(highWaterMark) events unread (feed.high_water_mark) and misses events until it reads; overflows so far: \(overflows)")
            }
            try socket.setXPubNoDrop(false)
            defer { try? socket.setXPubNoDrop(true) }
            if try !socket.send(multipart: event.frames, dontWait: true) { unsent += 1 }
        } catch {
            unsent += 1
            logger.warning("could not publish seq \(event.seq): \(error)")
        }
    }

    var view: FeedView {
        FeedView(subscriptions: subscriptions, published: published,
                 overflows: overflows, unsent: unsent, highWaterMark: highWaterMark)
    }

    /// Reads subscription messages (first byte 1 = subscribe, 0 = unsubscribe) to keep a count.
    func readSubscriptions() {
        while let frames = try? socket.receiveMultipart(dontWait: true) {
            guard let first = frames.first?.first else { continue }
            subscriptions += first == 1 ? 1 : -1
            let topic = String(decoding: frames[0].dropFirst(), as: UTF8.self)
            logger.debug("\(first == 1 ? "subscribe" : "unsubscribe") '\(topic)'")
        }
    }
}
