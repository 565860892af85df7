/// What the metrics endpoint makes of a request's head: only `GET /metrics` (and `HEAD`) is
/// served; the rest gets the status a scraper or a curl user can act on.
enum MetricsRoute: Equatable {
    case metrics(headOnly: Bool)
    /// `/`: a one-line pointer to /metrics, for someone who opened the address in a browser.
    case index(headOnly: Bool)
    case notFound
    case methodNotAllowed
    case badRequest

    /// The largest request head read; a scraper sends a few hundred bytes.
    static let maxHeadBytes = 8192

    /// Routes the request line (`GET /metrics?x HTTP/1.1`) of a complete head.
    static func route(head: [UInt8]) -> MetricsRoute {
        guard let end = head.firstIndex(of: UInt8(ascii: "\r")) ?? head.firstIndex(of: UInt8(ascii: "\n")) else {
            return .badRequest
        }
        let parts = String(decoding: head[..<end], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return .badRequest }
        let headOnly: Bool
        switch parts[0] {
        case "GET": headOnly = false
        case "HEAD": headOnly = true
        default: return .methodNotAllowed
        }
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch path {
        case "/metrics": return .metrics(headOnly: headOnly)
        case "/": return .index(headOnly: headOnly)
        default: return .notFound
        }
    }

    /// Whether `bytes` hold a whole head (ended by an empty line).
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        let crlf: [UInt8] = [13, 10, 13, 10]
        return bytes.count >= 4 && (0...(bytes.count - 4)).contains { bytes[$0..<$0 + 4].elementsEqual(crlf) }
            || bytes.count >= 2 && (0...(bytes.count - 2)).contains { bytes[$0] == 10 && bytes[$0 + 1] == 10 }
    }

    /// The full response: status line, headers, and the body unless `HEAD`.
    func response(metricsBody: () -> [UInt8]) -> [UInt8] {
        switch self {
        case .metrics(let headOnly):
            return Self.response("200 OK", type: "text/plain; version=0.0.4; charset=utf-8", body: metricsBody(), headOnly: headOnly)
        case .index(let headOnly):
            return Self.response("200 OK", type: "text/plain; charset=utf-8", body: Array("reportd metrics: GET /metrics\n".utf8),
                                 headOnly: headOnly)
        case .notFound:
            return Self.response("404 Not Found", body: Array("only /metrics is served here\n".utf8))
        case .methodNotAllowed:
            return Self.response("405 Method Not Allowed", body: Array("only GET and HEAD\n".utf8), extra: "Allow: GET, HEAD\r\n")
        case .badRequest:
            return Self.response("400 Bad Request", body: Array("not an HTTP/1.x request\n".utf8))
        }
    }

    private static func response(_ status: String, type: String = "text/plain; charset=utf-8", body: [UInt8],
                                 headOnly: Bool = false, extra: String = "") -> [UInt8] {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n\(extra)Connection: close\r\n\r\n"
        return Array(head.utf8) + (headOnly ? [] : body)
    }
}
