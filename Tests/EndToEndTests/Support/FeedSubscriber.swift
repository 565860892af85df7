import Foundation
import ReportProtocol
import ZMQ

/// A real SUB socket on the daemon's feed that collects envelopes as they arrive.
final class FeedSubscriber {
    private let context: Context
    private let socket: Socket
    private(set) var received: [FeedEnvelope] = []

    init(endpoint: String, topic: String = "") throws {
        context = try Context()
        socket = try context.socket(.sub)
        try socket.subscribe(topic)
        try socket.connect(endpoint)
    }

    deinit { socket.close() }

    /// Reads for up to `timeout` seconds or until `done` says enough arrived.
    @discardableResult
    func collect(timeout: TimeInterval, until done: ([FeedEnvelope]) -> Bool) throws -> [FeedEnvelope] {
        let end = Date() + timeout
        while !done(received), Date() < end {
            var poller = Poller()
            poller.add(socket)
            let ready = try poller.poll(timeoutMilliseconds: 100)
            guard ready[0].contains(.readable) else { continue }
            while let frames = try socket.receiveMultipart(dontWait: true) {
                received.append(try FeedEnvelope.decode(frames: frames))
            }
        }
        return received
    }

    /// Waits until every one of `reportIds` has a `report.done` or `report.failed`.
    func collectUntilSettled(_ count: Int, timeout: TimeInterval) throws -> [FeedEnvelope] {
        try collect(timeout: timeout) { events in
            Set(events.filter { $0.topic == .done || $0.topic == .failed }.map(\.reportId)).count >= count
        }
    }
}
