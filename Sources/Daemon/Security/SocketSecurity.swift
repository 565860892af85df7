import Foundation
import Logging
import ZMQ

/// Binds the daemon's server sockets, making each CURVE server first when its endpoint is
/// reachable from the network. Loopback TCP and ipc sockets stay plain (ipc is guarded by the
/// socket file's mode); config loading has already refused network endpoints without CURVE.
struct SocketSecurity {
    /// The ZAP domain of a socket says whose keys may connect to it.
    enum Audience: String {
        /// The control socket and the feed: keys in `security.authorized_keys`.
        case clients = "reportd.clients"
        /// The worker socket: keys in `security.worker_keys`, and the daemon's own plugins' key.
        case workers = "reportd.workers"
    }

    /// Nil when CURVE is off.
    let credentials: DaemonCredentials?
    /// `daemon.max_message_bytes`, set on every socket before it binds; nil leaves libzmq's no limit.
    var maxMessageBytes: Int? = nil

    func bind(_ socket: Socket, to endpoint: String, for audience: Audience = .clients) throws {
        if let maxMessageBytes { try socket.setMaxMessageSize(maxMessageBytes) }
        if EndpointExposure(endpoint: endpoint) == .network {
            guard let credentials else { throw NetworkEndpointWithoutCurve(endpoint: endpoint) }
            try socket.makeCurveServer(credentials.server)
            try socket.setZAPDomain(audience.rawValue)
        }
        // libzmq binds IPv6 addresses only with ZMQ_IPV6 set.
        if endpoint.hasPrefix("tcp://["), EndpointExposure.host(ofTCP: endpoint)?.contains(":") == true {
            try socket.setIPv6(true)
        }
        // An ipc socket file is created by bind with the umask's mode; 0077 keeps it closed to
        // others from the first instant, not only after the chmod that follows.
        let previousMask = endpoint.hasPrefix("ipc://") ? umask(0o077) : nil
        defer { if let previousMask { umask(previousMask) } }
        try socket.bind(endpoint)
    }

    /// Whether the daemon's own plugins must connect with CURVE to `workerEndpoint`.
    func pluginsNeedCurve(workerEndpoint: String) -> Bool {
        credentials != nil && EndpointExposure(endpoint: workerEndpoint) == .network
    }

    /// The endpoint a local plugin connects to: a wildcard bind (`*`, `0.0.0.0`) becomes 127.0.0.1.
    static func localConnectEndpoint(for bindEndpoint: String) -> String {
        for wildcard in ["tcp://*:", "tcp://0.0.0.0:"] where bindEndpoint.hasPrefix(wildcard) {
            return "tcp://127.0.0.1:" + bindEndpoint.dropFirst(wildcard.count)
        }
        return bindEndpoint
    }
}

/// A network endpoint reached binding without CURVE keys; config loading normally stops this first.
struct NetworkEndpointWithoutCurve: Error, CustomStringConvertible {
    let endpoint: String
    var description: String { "refusing to bind \(endpoint) without CURVE: set `curve = true` in the [security] table" }
}
