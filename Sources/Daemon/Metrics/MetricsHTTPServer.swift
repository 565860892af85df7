#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// The `/metrics` endpoint: a plain listening socket served by a thread of its own.
///
/// Why not in the event loop: the loop owns ZeroMQ sockets and waits in `zmq_poll`; a ZMQ_STREAM
/// socket could carry HTTP there, but then the loop would parse HTTP and render the text itself,
/// and a client that sends half a request would hold state in it. Why not a web framework:
/// SwiftNIO or Hummingbird would add an event-loop group of their own and minutes of build time
/// for one GET. This thread answers one connection at a time (a scrape is a few kilobytes, and
/// each read and write gives up after 2 s, so a stalled client delays the next scrape, never the
/// daemon); the state it reports comes from the loop through `body`, which asks the loop to
/// refresh the gauges between two of its wake-ups.
final class MetricsHTTPServer: @unchecked Sendable {
    let address: MetricsAddress
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let body: @Sendable () -> [UInt8]
    private let logger: Logger
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    /// Binds and listens at once, so a port in use stops the daemon at start with the key to change.
    init(address: MetricsAddress, logger: Logger, body: @escaping @Sendable () -> [UInt8]) throws {
        self.address = address
        self.body = body
        self.logger = logger
        listener = try Self.listen(on: address)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(listener)
            throw MetricsServerError("cannot make the metrics thread's wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wake = (ends[0], ends[1])
    }

    func start() {
        started = true
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "reportd-metrics"
        thread.start()
    }

    /// Stops accepting and waits for the thread to end (at most one request's time-outs).
    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        if started { finished.wait() }
        close(listener)
        close(wake.read)
        close(wake.write)
    }

    private func serve() {
        while true {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if fds[1].revents != 0 { return }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            // Plugins are spawned with every descriptor above 2 closed, so no CLOEXEC race matters here.
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 2048)
        while !MetricsRoute.isComplete(head), head.count < MetricsRoute.maxHeadBytes {
            let count = read(connection, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            head += chunk[..<count]
        }
        let response = MetricsRoute.route(head: head).response(metricsBody: body)
        var offset = 0
        while offset < response.count {
            let sent = response.withUnsafeBytes { send(connection, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else {
                logger.debug("metrics client went away before the answer was sent")
                return
            }
            offset += sent
        }
    }

    private static func listen(on address: MetricsAddress) throws -> Int32 {
        let family = address.isIPv6 ? AF_INET6 : AF_INET
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw MetricsServerError("cannot open a socket for metrics.address \(address): \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if address.isIPv6 {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = address.port.bigEndian
            inet_pton(AF_INET6, address.host, &socketAddress.sin6_addr)
            bound = bind(fd, socketAddress)
        } else {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = address.port.bigEndian
            inet_pton(AF_INET, address.host, &socketAddress.sin_addr)
            bound = bind(fd, socketAddress)
        }
        guard bound == 0, Glibc.listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw MetricsServerError("cannot listen on \(address) (metrics.address): \(reason); choose another port in [metrics]")
        }
        return fd
    }
}

/// bind(2) with a `sockaddr_in` or `sockaddr_in6`.
private func bind<Address>(_ fd: Int32, _ address: Address) -> Int32 {
    withUnsafePointer(to: address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
    }
}

struct MetricsServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
