import Foundation
import ReportProtocol
import ZMQ

/// The daemon's control ROUTER and feed XPUB, bound where `reportctl --data-dir` looks for them,
/// served on a thread of their own by a handler the test writes. It stands in for reportd so
/// reportctl's side of the protocols is tested alone.
final class FakeDaemon: @unchecked Sendable {
    /// The feed as the handler sees it, on the daemon's thread.
    final class Feed {
        fileprivate let socket: Socket
        fileprivate var subscriptions: [String] = []

        fileprivate init(socket: Socket) { self.socket = socket }

        func publish(_ envelope: FeedEnvelope) throws {
            try socket.send(multipart: try envelope.frames())
        }

        /// Blocks until some subscriber's subscription has reached the XPUB, so what is published next is delivered.
        func awaitSubscription(within seconds: Double = 30) throws {
            var poller = Poller()
            poller.add(socket)
            let deadline = Date().addingTimeInterval(seconds)
            while subscriptions.isEmpty {
                guard Date() < deadline else { throw Timeout(what: "a feed subscription", seconds: seconds) }
                if try poller.poll(timeoutMilliseconds: 50)[0].contains(.readable) { try drainSubscriptions() }
            }
        }

        /// XPUB hands up one message per (un)subscription: 0x01 or 0x00, then the prefix.
        fileprivate func drainSubscriptions() throws {
            while let frames = try socket.receiveMultipart(dontWait: true) {
                guard let message = frames.first, message.first == 1 else { continue }
                subscriptions.append(String(decoding: message.dropFirst(), as: UTF8.self))
            }
        }
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var seconds: Double
        var description: String { "no \(what) within \(seconds) s" }
    }

    /// Answers one control request; runs on the daemon's thread.
    typealias Handler = @Sendable (_ request: ControlRequest, _ payload: [UInt8], _ feed: Feed) throws -> ControlResponse
    /// Runs on the daemon's thread whenever no request is waiting, to publish between requests.
    typealias IdleWork = @Sendable (_ feed: Feed) throws -> Void

    let dataDirectory: URL
    private let lock = NSLock()
    private var stopping = false
    private var requests: [ControlRequest] = []
    private var failures: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    /// libzmq sockets may move between threads across a full memory barrier, which starting the thread is;
    /// after that only the daemon's thread touches them.
    private struct Sockets: @unchecked Sendable {
        let context: Context
        let control: Socket
        let feed: Socket
    }

    init(dataDirectory: URL, whenIdle: @escaping IdleWork = { _ in }, handler: @escaping Handler) throws {
        self.dataDirectory = dataDirectory
        let context = try Context()
        let sockets = Sockets(context: context, control: try context.socket(.router), feed: try context.socket(.xpub))
        try sockets.control.bind("ipc://" + dataDirectory.appendingPathComponent("control.sock").path)
        try sockets.feed.bind("ipc://" + dataDirectory.appendingPathComponent("feed.sock").path)
        let thread = Thread { [self] in
            serve(sockets, handler, whenIdle)
            finished.signal()
        }
        thread.start()
    }

    /// Every control request received so far, in order.
    var received: [ControlRequest] { lock.withLock { requests } }

    /// Stops serving and returns what went wrong on the daemon's thread (empty when nothing did).
    func stop() -> [String] {
        lock.withLock { stopping = true }
        finished.wait()
        return lock.withLock { failures }
    }

    private func serve(_ sockets: Sockets, _ handler: Handler, _ whenIdle: IdleWork) {
        let feed = Feed(socket: sockets.feed)
        var poller = Poller()
        poller.add(sockets.control)
        poller.add(sockets.feed)
        while !lock.withLock({ stopping }) {
            do {
                let ready = try poller.poll(timeoutMilliseconds: 50)
                if ready[1].contains(.readable) { try feed.drainSubscriptions() }
                guard ready[0].contains(.readable), let frames = try sockets.control.receiveMultipart(dontWait: true) else {
                    try whenIdle(feed)
                    continue
                }
                // ROUTER: the client's routing id, then the DEALER's frames: "", header, JSON, payload.
                guard frames.count == 5, frames[1].isEmpty, frames[2] == Array(ControlProtocol.header.utf8) else {
                    throw ProtocolError.malformed("control request of \(frames.count) frames: \(frames.map { String(decoding: $0, as: UTF8.self) })")
                }
                let request = try WireJSON.decode(ControlRequest.self, from: frames[3])
                lock.withLock { requests.append(request) }
                let response = try handler(request, frames[4], feed)
                try sockets.control.send(multipart: [frames[0]] + (try response.frames()))
            } catch {
                lock.withLock { failures.append("\(error)") }
            }
        }
        sockets.control.close()
        sockets.feed.close()
    }
}
