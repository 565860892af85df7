import Foundation
import Hummingbird
import Logging

/// The HTTP server: routes behind the security headers, listening until SIGTERM or SIGINT
/// (Hummingbird's service lifecycle shuts it down gracefully).
struct WebServer {
    let daemon: DaemonGateway
    let address: ListenAddress

    func run() async throws {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        WebRoutes.add(to: router, daemon: daemon)
        var logger = Logger(label: "reportd-web")
        logger.logLevel = .notice
        let control = daemon.controlEndpoint
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "reportd-web"),
            onServerRunning: { channel in
                // The line tests and operators read for the real port (with --listen HOST:0 too).
                let port = channel.localAddress?.port ?? address.port
                let line = "reportd-web: listening on http://\(ListenAddress(host: address.host, port: port))/ (daemon at \(control))\n"
                FileHandle.standardError.write(Data(line.utf8))
            },
            logger: logger)
        try await app.runService()
    }
}
