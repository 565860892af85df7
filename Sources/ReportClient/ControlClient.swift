import ReportProtocol
import ZMQ

/// One DEALER connection to the daemon's control ROUTER: a request out, one reply back within the timeout.
public final class ControlClient {
    public let endpoint: String
    public let timeoutSeconds: Double
    public let curve: CurveClientCredentials?
    /// Checked while waiting, so a caller that blocks signals (subscribe) can still stop mid-request.
    public var isInterrupted: () -> Bool = { false }
    private let context: Context
    private var socket: Socket

    public init(context: Context, endpoint: String, curve: CurveClientCredentials? = nil, timeoutSeconds: Double) throws {
        self.endpoint = endpoint
        self.timeoutSeconds = timeoutSeconds
        self.context = context
        self.curve = curve
        socket = try Self.connect(context, endpoint, curve)
    }

    private static func connect(_ context: Context, _ endpoint: String, _ curve: CurveClientCredentials?) throws -> Socket {
        let socket = try context.socket(.dealer)
        try socket.useCurve(curve, for: endpoint)
        try socket.connect(endpoint)
        return socket
    }

    /// Sends `request` and returns the reply's `data`; an `ok: false` reply throws its error.
    public func call(_ request: ControlRequest, payload: [UInt8] = []) throws -> JSONValue? {
        let frames = try exchange(request, payload: payload)
        let response: ControlResponse
        do { response = try ControlResponse.decode(frames) }
        catch { throw ControlClientError.badReply(command: request.command.rawValue, detail: "\(error)") }
        guard response.ok else {
            throw ControlClientError.daemonRefused(command: request.command.rawValue, reason: response.error ?? "no reason given",
                                                  code: response.errorCode)
        }
        return response.data
    }

    /// Sends `request` and returns the daemon's reply as it came, a refusal (`ok: false`) included:
    /// for callers that show or check the refusal itself rather than treat it as an error.
    public func request(_ request: ControlRequest, payload: [UInt8] = []) throws -> ControlResponse {
        let frames = try exchange(request, payload: payload)
        do { return try ControlResponse.decode(frames) }
        catch { throw ControlClientError.badReply(command: request.command.rawValue, detail: "\(error)") }
    }

    /// Sends `request` and returns the reply's frames.
    private func exchange(_ request: ControlRequest, payload: [UInt8]) throws -> [[UInt8]] {
        try socket.send(multipart: request.frames(payload: payload))
        var poller = Poller()
        poller.add(socket)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        // Short slices: a signal may end a poll early, and `isInterrupted` is checked between them.
        while ContinuousClock.now < deadline {
            if isInterrupted() { throw ControlClientError.interrupted }
            let left = min(ContinuousClock.now.duration(to: deadline), .milliseconds(200))
            let events = try poller.poll(timeoutMilliseconds: max(1, Int((left / .milliseconds(1)).rounded(.up))))
            guard events[0].contains(.readable), let frames = try socket.receiveMultipart(dontWait: true) else { continue }
            return frames
        }
        // A reply that comes after all would be taken for the answer to the next request: start afresh.
        socket.close()
        socket = try Self.connect(context, endpoint, curve)
        throw ControlClientError.noReply(endpoint: endpoint, seconds: timeoutSeconds, curve: curve != nil)
    }

    /// Like `call`, decoding the reply's `data` as `type` straight from the reply's bytes: a
    /// `get` carries a whole parsed document, and going through `JSONValue` first would decode it
    /// three times over.
    public func call<View: Decodable>(_ request: ControlRequest, payload: [UInt8] = [], as type: View.Type) throws -> View {
        let frames = try exchange(request, payload: payload)
        let reply: TypedControlResponse<View>
        do { reply = try TypedControlResponse<View>.decode(frames) }
        catch { throw ControlClientError.badReply(command: request.command.rawValue, detail: "data is not a \(type): \(error)") }
        guard reply.ok else {
            throw ControlClientError.daemonRefused(command: request.command.rawValue, reason: reply.error ?? "no reason given",
                                                  code: reply.code.flatMap(ControlErrorCode.init(rawValue:)))
        }
        guard let data = reply.data else {
            throw ControlClientError.badReply(command: request.command.rawValue, detail: "the reply carries no data")
        }
        return data
    }
}
