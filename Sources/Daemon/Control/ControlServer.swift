import Logging
import ReportProtocol
import ZMQ

/// The ROUTER that `reportctl` talks to. It frames and unframes; `ControlCommands` answers.
final class ControlServer {
    /// A decoded request and who asked.
    struct Request {
        let client: [UInt8]
        let body: ControlRequest
        let payload: [UInt8]
    }

    let socket: Socket
    private let logger: Logger

    init(context: Context, endpoint: String, logger: Logger,
         security: SocketSecurity = SocketSecurity(credentials: nil)) throws {
        socket = try context.socket(.router)
        try security.bind(socket, to: endpoint)
        self.logger = logger
    }

    /// Reads every queued request; malformed ones are answered with an error at once.
    func receive() -> [Request] {
        var requests: [Request] = []
        while let frames = try? socket.receiveMultipart(dontWait: true) {
            guard frames.count >= 4, frames[1].isEmpty else { continue }
            let client = frames[0]
            let header = String(decoding: frames[2], as: UTF8.self)
            guard header == ControlProtocol.header else {
                reply(to: client, .failure(.invalid, "unsupported control protocol \(header); this daemon speaks \(ControlProtocol.header)"))
                continue
            }
            do {
                let body = try WireJSON.decode(ControlRequest.self, from: frames[3])
                requests.append(Request(client: client, body: body, payload: frames.count > 4 ? frames[4] : []))
            } catch {
                reply(to: client, .failure(.invalid, "malformed control request: \(error)"))
            }
        }
        return requests
    }

    func reply(to client: [UInt8], _ response: ControlResponse) {
        do {
            try socket.send(multipart: [client] + response.frames(), dontWait: true)
        } catch {
            logger.debug("could not answer a control client: \(error)")
        }
    }

    func reply(to client: [UInt8], _ reply: ControlReply) {
        switch reply {
        case .response(let response):
            self.reply(to: client, response)
        case .encoded(let body):
            do {
                try socket.send(multipart: [client, [], Array(ControlProtocol.header.utf8), body], dontWait: true)
            } catch {
                logger.debug("could not answer a control client: \(error)")
            }
        }
    }
}
