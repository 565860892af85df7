import Foundation
import ReportProtocol
import ZMQ

/// The daemon's side of the worker protocol, played by a test: a ROUTER bound on an ipc endpoint.
final class FakeBroker {
    struct Received {
        var identity: [UInt8]
        var message: WorkerMessage
    }

    struct Silence: Error, CustomStringConvertible {
        var seconds: Double
        var waitingFor: String
        var description: String { "no \(waitingFor) from the worker within \(seconds) s" }
    }

    struct Unexpected: Error, CustomStringConvertible {
        var message: WorkerMessage
        var expected: String
        var description: String { "expected \(expected), the worker sent \(message)" }
    }

    let endpoint: String
    private let context: Context
    private let socket: Socket
    /// HEARTBEATs skipped while waiting for other messages.
    private(set) var heartbeatsSeen = 0

    init(directory: URL) throws {
        context = try Context()
        socket = try context.socket(.router)
        try socket.setRouterMandatory(true)
        endpoint = "ipc://" + directory.appendingPathComponent("workers.sock").path
        try socket.bind(endpoint)
    }

    deinit { socket.close() }

    /// The next message of any kind. The wait is generous: it bounds a hang, it does not measure speed.
    func receive(within seconds: Double = 30, waitingFor: String = "message") throws -> Received {
        var poller = Poller()
        poller.add(socket)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard try poller.poll(timeoutMilliseconds: 100)[0].contains(.readable),
                  let frames = try socket.receiveMultipart(dontWait: true) else { continue }
            return Received(identity: frames[0], message: try WorkerMessage.decode(Array(frames.dropFirst())))
        }
        throw Silence(seconds: seconds, waitingFor: waitingFor)
    }

    /// The next message that is not a HEARTBEAT, counting the heartbeats passed over.
    func receiveSkippingHeartbeats(within seconds: Double = 30, waitingFor: String) throws -> Received {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let received = try receive(within: max(0.1, deadline.timeIntervalSinceNow), waitingFor: waitingFor)
            guard received.message == .heartbeat else { return received }
            heartbeatsSeen += 1
        }
    }

    /// Waits for `count` HEARTBEATs in a row; any other message is an error.
    func receiveHeartbeats(_ count: Int, within seconds: Double = 30) throws {
        for _ in 0..<count {
            let received = try receive(within: seconds, waitingFor: "HEARTBEAT")
            guard received.message == .heartbeat else { throw Unexpected(message: received.message, expected: "HEARTBEAT") }
            heartbeatsSeen += 1
        }
    }

    func send(_ message: BrokerMessage, to identity: [UInt8]) throws {
        try send(frames: try message.frames(), to: identity)
    }

    /// Frames as given, for messages the protocol types would not produce.
    func send(frames: [[UInt8]], to identity: [UInt8]) throws {
        try socket.send(multipart: [identity] + frames)
    }
}
