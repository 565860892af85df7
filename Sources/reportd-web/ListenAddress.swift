/// Where the web view listens: `127.0.0.1:8080`, `[::1]:8080`, `localhost:0` (any free port).
struct ListenAddress: Equatable, CustomStringConvertible {
    static let `default` = ListenAddress(host: "127.0.0.1", port: 8080)

    var host: String
    var port: Int

    /// Nil when `text` is not HOST:PORT with a port from 0 to 65535.
    init?(_ text: String) {
        let host: Substring
        let port: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            port = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let number = Int(port), (0...65535).contains(number) else { return nil }
        self.init(host: String(host), port: number)
    }

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
