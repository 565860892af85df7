import Foundation

/// `[metrics]`: where the Prometheus endpoint listens, if anywhere.
struct MetricsSettings: Sendable, Equatable {
    /// `host:port` (`[::1]:9464` for IPv6); nil keeps the HTTP endpoint off. `reportctl metrics`
    /// works either way.
    var address: MetricsAddress?
    /// `allow_network`: the operator's consent to serve metrics on an address other machines can reach.
    var allowNetwork = false

    init(address: MetricsAddress? = nil, allowNetwork: Bool = false) {
        self.address = address
        self.allowNetwork = allowNetwork
    }
}

/// A numeric host and a port to listen on. Host names are not resolved: what a name means can
/// change after the check that decided it is loopback.
struct MetricsAddress: Sendable, Equatable, CustomStringConvertible {
    var host: String
    var port: UInt16

    /// Parses `127.0.0.1:9464`, `[::1]:9464` or `0.0.0.0:9464`; nil with the reason otherwise.
    static func parse(_ text: String) -> Result<MetricsAddress, MetricsAddressError> {
        guard let colon = text.lastIndex(of: ":") else { return .failure(.init("has no port; write host:port, e.g. 127.0.0.1:9464")) }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let port = UInt16(text[text.index(after: colon)...]), port > 0 else {
            return .failure(.init("the port must be a number from 1 to 65535"))
        }
        var v4 = in_addr(), v6 = in6_addr()
        guard inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 else {
            return .failure(.init("`\(host)` is not a numeric IPv4 or IPv6 address (names are not resolved)"))
        }
        return .success(MetricsAddress(host: host, port: port))
    }

    var isIPv6: Bool { host.contains(":") }

    /// Only this machine can connect (127.0.0.0/8, ::1, ::ffff:127.x.y.z).
    var isLoopback: Bool { EndpointExposure.isLoopback(host) }

    var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

struct MetricsAddressError: Error, Equatable, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
