import ArgumentParser
import Foundation
import ReportClient
import ZMQ

/// `reportd-web`: the flags, then the server. Flags win over `[web]` in the config file.
@main
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportd-web",
        abstract: "Serve a live web view of reportd's reports: inbox, report pages, search, targets against outcomes.",
        discussion: "A client of the daemon like reportctl: it holds no state and can be restarted at will.")

    @Option(help: ArgumentHelp("reportd's config file: [web] listen, and where the daemon's sockets are.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Where to listen, HOST:PORT (default 127.0.0.1:8080; port 0 picks a free one).", valueName: "host:port"))
    var listen: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The daemon's data directory (default ./var/data).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .customLong("control"), help: ArgumentHelp("The daemon's control endpoint.", valueName: "endpoint"))
    var controlEndpoint: String?

    @Option(name: .customLong("feed"), help: ArgumentHelp("The daemon's feed endpoint.", valueName: "endpoint"))
    var feedEndpoint: String?

    @Option(help: ArgumentHelp("Seconds to wait for each reply of the daemon (default 10).", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("server-key"), help: ArgumentHelp(
        "CURVE: the daemon's public key, or a file holding it (default: $REPORTD_CURVE_SERVER_KEY).", valueName: "key|file"))
    var serverKey: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp(
        "CURVE: this client's secret key file (default: $REPORTD_CURVE_KEY_FILE).", valueName: "file"))
    var keyFile: String?

    func validate() throws {
        if let listen, ListenAddress(listen) == nil { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    func run() async throws {
        let file: WebConfigFile
        do { file = try config.map(WebConfigFile.read) ?? WebConfigFile() }
        catch let problem as WebConfigFile.Problem { throw ValidationError(problem.description) }
        let dataDirectory = dataDirectory ?? file.dataDirectory ?? DaemonEndpoints.defaultDataDirectory
        let environment = ProcessInfo.processInfo.environment
        let curve = try CurveClientCredentials.resolve(
            serverKey: serverKey ?? environment["REPORTD_CURVE_SERVER_KEY"],
            keyFile: keyFile ?? environment["REPORTD_CURVE_KEY_FILE"],
            serverSetting: "--server-key/REPORTD_CURVE_SERVER_KEY", keySetting: "--key-file/REPORTD_CURVE_KEY_FILE")
        let daemon = try DaemonGateway(
            control: controlEndpoint ?? file.controlEndpoint ?? DaemonEndpoints.control(dataDirectory: dataDirectory),
            feed: feedEndpoint ?? file.feedEndpoint ?? DaemonEndpoints.feed(dataDirectory: dataDirectory),
            curve: curve, timeoutSeconds: timeout ?? file.timeoutSeconds ?? 10)
        let address = listen.flatMap(ListenAddress.init) ?? file.listen ?? .default
        try await WebServer(daemon: daemon, address: address).run()
    }
}
