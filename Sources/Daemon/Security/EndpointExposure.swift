#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Who can reach an endpoint the daemon binds, which decides whether it needs CURVE.
enum EndpointExposure: Equatable, Sendable {
    /// ipc:// and inproc://: guarded by file permissions or the process boundary.
    case local
    /// tcp:// on 127.0.0.0/8, ::1 or localhost: only processes on this machine.
    case loopback
    /// Any other tcp:// address, a wildcard or an interface name: the network.
    case network

    /// Classifies `endpoint` (`scheme://address[:port]`). Unknown schemes count as network.
    init(endpoint: String) {
        if endpoint.hasPrefix("ipc://") || endpoint.hasPrefix("inproc://") {
            self = .local
        } else if endpoint.hasPrefix("tcp://"), let host = Self.host(ofTCP: endpoint), Self.isLoopback(host) {
            self = .loopback
        } else {
            self = .network
        }
    }

    /// The host part of `tcp://host:port`, without IPv6 brackets; nil when there is no port.
    /// A `source;destination` form (connect only) is judged by its destination.
    static func host(ofTCP endpoint: String) -> String? {
        var rest = Substring(endpoint.dropFirst("tcp://".count))
        if let semicolon = rest.lastIndex(of: ";") { rest = rest[rest.index(after: semicolon)...] }
        guard let colon = rest.lastIndex(of: ":") else { return nil }
        var host = rest[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        return String(host)
    }

    /// 127.0.0.0/8, ::1, ::ffff:127.x.y.z and the name localhost. Names other than localhost
    /// are not resolved: what a name means can change after the check.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
            return Array(bytes.prefix(12)) == mappedPrefix && bytes[12] == 127
        }
        return false
    }
}
