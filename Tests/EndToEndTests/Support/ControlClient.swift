import Foundation
import ReportProtocol
import ZMQ

/// Talks to the daemon's control socket the way reportctl does.
final class ControlClient {
    private let context: Context
    private let socket: Socket

    init(endpoint: String) throws {
        context = try Context()
        socket = try context.socket(.dealer)
        try socket.connect(endpoint)
    }

    deinit { socket.close() }

    func request(_ request: ControlRequest, payload: [UInt8] = [], timeout: TimeInterval = 10) throws -> ControlResponse {
        try socket.send(multipart: request.frames(payload: payload))
        var poller = Poller()
        poller.add(socket)
        let ready = try poller.poll(timeoutMilliseconds: Int(timeout * 1000))
        guard ready[0].contains(.readable), let frames = try socket.receiveMultipart(dontWait: true) else {
            throw ControlClientError(message: "no reply to \(request.command) within \(timeout) s")
        }
        return try ControlResponse.decode(frames)
    }
}

struct ControlClientError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
