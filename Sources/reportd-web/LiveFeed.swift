import Foundation
import Hummingbird
import ReportClient
import ReportProtocol
import WebPages
import ZMQ

/// One browser's Server-Sent Events stream: the inbox rows that changed since the page's `seq`,
/// then each feed event that changes a row, and the status panel every two seconds.
/// A thread of its own runs the clone pattern (subscribe, replay, follow; `FeedFollower`), so the
/// stream has no gap and no duplicate; event ids are feed seqs, so a browser that reconnects
/// (EventSource sends Last-Event-ID) resumes where it stopped.
enum LiveFeed {
    static let statusInterval: Duration = .seconds(2)
    /// Streams at once; each holds a thread and two sockets.
    static let maximumStreams = 32
    private static let streams = StreamCount()

    /// Nil when `maximumStreams` are open already.
    static func stream(daemon: DaemonGateway, since: Int64) -> AsyncStream<ByteBuffer>? {
        guard streams.enter(limit: maximumStreams) else { return nil }
        let stop = StopFlag()
        return AsyncStream(bufferingPolicy: .bufferingNewest(256)) { continuation in
            continuation.onTermination = { _ in stop.set() }
            let thread = Thread {
                defer { streams.leave(); continuation.finish() }
                let send: (String) -> Void = { continuation.yield(ByteBuffer(string: $0)) }
                send("retry: 3000\n\n")
                do {
                    try follow(daemon: daemon, since: since, stop: stop, send: send)
                } catch {
                    send(": \(error)".replacingOccurrences(of: "\n", with: " ") + "\n\n")
                }
            }
            thread.name = "reportd-web live feed"
            thread.start()
        }
    }

    private static func follow(daemon: DaemonGateway, since: Int64, stop: StopFlag, send: @escaping (String) -> Void) throws {
        let feed = try daemon.context.socket(.sub)
        defer { feed.close() }
        // Subscribing before replaying is what makes the clone pattern gap-free.
        try feed.subscribe("report.")
        try feed.useCurve(daemon.curve, for: daemon.feedEndpoint)
        try feed.connect(daemon.feedEndpoint)
        let control = try daemon.makeClient()
        control.isInterrupted = { stop.isSet }

        let status = try control.call(ControlRequest(command: .status), as: StatusView.self)
        var inbox = LiveInbox(events: try InboxWindow.events(through: control, lastSeq: status.lastSeq))
        for row in inbox.rows(after: since) { send(rowEvent(row)) }
        send(statusEvent(status))

        let follower = FeedFollower(
            topic: nil, since: max(since, status.lastSeq), control: control, isStopping: { stop.isSet },
            deliver: { event in if let row = inbox.apply(event) { send(rowEvent(row)) } },
            warn: { send(": \($0)".replacingOccurrences(of: "\n", with: " ") + "\n\n") })
        try follower.catchUp()

        var poller = Poller()
        poller.add(feed)
        var nextStatus = ContinuousClock.now + statusInterval
        while !stop.isSet {
            if try poller.poll(timeoutMilliseconds: 200)[0].contains(.readable) {
                while let frames = try feed.receiveMultipart(dontWait: true) {
                    guard let event = try? FeedEnvelope.decode(frames: frames) else { continue }
                    try follower.receive(event)
                }
            }
            if ContinuousClock.now >= nextStatus {
                send(statusEvent(try control.call(ControlRequest(command: .status), as: StatusView.self)))
                nextStatus = ContinuousClock.now + statusInterval
            }
        }
    }

    static func rowEvent(_ row: InboxRow) -> String {
        "id: \(row.lastSeq)\nevent: row\ndata: \(json(["id": row.reportId, "html": InboxPage.row(row)]))\n\n"
    }

    static func statusEvent(_ status: StatusView) -> String {
        "event: status\ndata: \(json(["html": InboxPage.statusPanel(status)]))\n\n"
    }

    /// One line of JSON: SSE ends a data field at a newline, and JSON escapes every newline inside strings.
    static func json(_ object: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Set once, read from another thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

final class StreamCount: @unchecked Sendable {
    private let lock = NSLock()
    private var open = 0

    func enter(limit: Int) -> Bool {
        lock.withLock {
            guard open < limit else { return false }
            open += 1
            return true
        }
    }

    func leave() { lock.withLock { open -= 1 } }
}
