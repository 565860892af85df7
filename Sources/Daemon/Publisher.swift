import Logging
import ZMQ

/// The XPUB feed. Sends never block: a subscriber that does not read loses messages at its
/// high-water mark instead of stalling the pipeline, and catches up through `replay`.
final class Publisher {
    let socket: Socket
    private let logger: Logger
    private(set) var subscriptions = 0
    private(set) var unsent = 0

    init(context: Context, endpoint: String, highWaterMark: Int, logger: Logger,
         security: SocketSecurity = SocketSecurity(credentials: nil)) throws {
        socket = try context.socket(.xpub)
        try socket.setSendHighWaterMark(Int32(clamping: highWaterMark))
        try socket.setXPubVerbose(true)
        try security.bind(socket, to: endpoint)
        self.logger = logger
    }

    func publish(_ event: PublishedEvent) {
        do {
            if try !socket.send(multipart: event.frames, dontWait: true) { unsent += 1 }
        } catch {
            unsent += 1
            logger.warning("could not publish seq \(event.seq): \(error)")
        }
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
