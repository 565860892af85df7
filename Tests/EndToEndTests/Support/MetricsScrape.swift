import Foundation
import XCTest

/// A scrape of reportd's /metrics over a real TCP connection, and its samples by series.
struct MetricsScrape {
    let status: String
    let headers: String
    let body: String

    /// `name{labels}` (as printed) → value, for every sample line.
    var samples: [String: Double] {
        var result: [String: Double] = [:]
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            result[String(line[..<space])] = value
        }
        return result
    }

    /// Sends `GET path` to 127.0.0.1:`port` and reads the answer to the end (the server closes).
    static func get(port: UInt16, path: String = "/metrics", method: String = "GET") throws -> MetricsScrape {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScrapeError("socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ScrapeError("connect to 127.0.0.1:\(port): errno \(errno)") }
        let request = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/plain\r\n\r\n".utf8)
        guard send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { throw ScrapeError("send: \(errno)") }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            response += chunk[..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ScrapeError("no complete HTTP head in: \(text)") }
        let head = text[..<split.lowerBound]
        let statusLine = head.split(separator: "\r\n").first.map(String.init) ?? ""
        return MetricsScrape(status: statusLine, headers: String(head), body: String(text[split.upperBound...]))
    }

    /// A loopback port nobody listens on right now (the kernel's choice for port 0).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw ScrapeError("no free loopback port: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}

struct ScrapeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
