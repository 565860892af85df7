import CZMQ

/// One event from `zmq_socket_monitor`: what happened and on which peer address.
public struct SocketEvent: Sendable, Equatable {
    public let event: Int32
    /// The event's value: for handshake failures the ZAP status code or the errno.
    public let value: Int32
    public let address: String

    /// The peer refused our credentials: its ZAP handler answered with a non-200 status.
    public var isAuthenticationFailure: Bool { event == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH }
    public var isHandshakeSuccess: Bool { event == ZMQ_EVENT_HANDSHAKE_SUCCEEDED }

    /// Decodes the two frames a monitor socket delivers: 2-byte event + 4-byte value, then the address.
    init?(frames: [[UInt8]]) {
        guard frames.count >= 2, frames[0].count >= 6 else { return nil }
        let head = frames[0]
        event = Int32(UInt16(head[0]) | UInt16(head[1]) << 8)
        value = Int32(bitPattern: UInt32(head[2]) | UInt32(head[3]) << 8 | UInt32(head[4]) << 16 | UInt32(head[5]) << 24)
        address = String(decoding: frames[1], as: UTF8.self)
    }
}

/// Handshake outcomes a client watches for; see `Socket.monitorHandshakes()`.
public enum MonitoredEvents {
    public static let handshakes = ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
        | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
}

extension Socket {
    /// Starts monitoring this socket's handshakes and returns the PAIR socket that receives them,
    /// to poll beside this one. A refused CURVE key shows as an authentication failure, which
    /// is otherwise invisible: libzmq just keeps reconnecting.
    public func monitorHandshakes() throws -> Socket {
        // Random, not the socket's address: a closed socket's monitor may still hold its name a while.
        let endpoint = "inproc://reportd-monitor-\(UInt64.random(in: .min ... .max))"
        guard zmq_socket_monitor(handle, endpoint, MonitoredEvents.handshakes) == 0 else {
            throw ZMQError.last("zmq_socket_monitor")
        }
        let monitor = try context.socket(.pair)
        try monitor.connect(endpoint)
        return monitor
    }

    /// Reads one event from a socket returned by `monitorHandshakes`, nil when none is queued.
    public func receiveMonitorEvent(dontWait: Bool = true) throws -> SocketEvent? {
        guard let frames = try receiveMultipart(dontWait: dontWait) else { return nil }
        return SocketEvent(frames: frames)
    }
}
