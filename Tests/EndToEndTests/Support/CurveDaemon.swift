import Foundation
import ReportClient
import ReportProtocol
import XCTest
import ZMQ

/// A real reportd whose worker socket is on TCP with CURVE and that runs only the plugins named
/// (by default no parser, so every parse job must be done by a worker the test starts), and two
/// key pairs made by `reportctl keygen`: `good` is authorised on the daemon (as a worker and as a client), `unknown` is not.
struct CurveDaemon {
    let daemon: DaemonProcess
    let bindEndpoint: String
    /// The feed's endpoint when it was put on the network too, else nil (ipc).
    let feedEndpoint: String?
    let keysFolder: URL

    var serverPublicKeyFile: URL { daemon.dataDir.appendingPathComponent("keys/server.key") }
    func secretKeyFile(_ name: String) -> URL { keysFolder.appendingPathComponent("\(name).key_secret") }
    func publicKeyFile(_ name: String) -> URL { keysFolder.appendingPathComponent("\(name).key") }

    /// `bindHost` is the address the daemon binds its worker socket on (a non-loopback one, so CURVE applies).
    init(bindHost: String, localPlugins: [String] = ["indexer", "summarizer"], feedOnNetwork: Bool = false,
         test: XCTestCase) throws {
        bindEndpoint = "tcp://\(bindHost):\(try FreePort.tcp())"
        feedEndpoint = feedOnNetwork ? "tcp://\(bindHost):\(try FreePort.tcp())" : nil
        let feedTable = feedEndpoint.map { "[feed]\nendpoint = \"\($0)\"" } ?? ""
        daemon = try DaemonProcess(config: """
            plugins_dir = "plugins"

            [daemon]
            worker_endpoint = "\(bindEndpoint)"

            \(feedTable)

            [jobs]
            heartbeat_ms = 500

            [security]
            curve = true
            """)
        let plugins = daemon.root.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        for name in localPlugins {
            try FileManager.default.copyItem(at: RepositoryPaths.root.appendingPathComponent("Config/plugins/\(name).toml"),
                                             to: plugins.appendingPathComponent("\(name).toml"))
        }
        keysFolder = daemon.root.appendingPathComponent("worker-keys")
        let reportctl = try RepositoryPaths.executable("reportctl")
        for name in ["good", "unknown"] {
            let keygen = try ChildProcess(reportctl, ["keygen", "--out", keysFolder.path, "--name", name],
                                          logDirectory: daemon.root, test: test)
            XCTAssertEqual(keygen.exitStatus(within: 60), 0, keygen.errorOutput)
            XCTAssertTrue(keygen.output.contains("public key: "), keygen.output)
        }
        try daemon.start()
        // `good` serves as a worker and subscribes to the feed: its key is in both folders.
        for folder in ["keys/authorized", "keys/workers"] {
            try FileManager.default.copyItem(at: publicKeyFile("good"),
                                             to: daemon.dataDir.appendingPathComponent(folder).appendingPathComponent("good.key"))
        }
    }

    /// The arguments that make report-parser a CURVE worker of this daemon, with key `name`.
    func workerArguments(connectingTo endpoint: String, key name: String) -> [String] {
        ["serve", "--broker", endpoint, "--server-key", serverPublicKeyFile.path, "--key-file", secretKeyFile(name).path]
    }

    /// The connected workers serving `service`.
    func workers(serving service: String = "parser") throws -> [WorkerView] {
        let status = try XCTUnwrap(try daemon.control().request(.init(command: .status)).data).decode(StatusView.self)
        return status.workers.filter { $0.services.contains(service) }
    }

    /// The CURVE settings a client with key `name` is given through its environment.
    func curveEnvironment(key name: String) throws -> [String: String] {
        ["REPORTD_CURVE_SERVER_KEY": try CurveKeyFiles.readKey(at: serverPublicKeyFile.path),
         "REPORTD_CURVE_KEY_FILE": secretKeyFile(name).path]
    }

    /// Waits until the daemon has logged a refusal of key `name` from `address`.
    func awaitRefusal(of name: String, from address: String) throws {
        let line = "refused client \(address) with key \(try keyPrefix(name))"
        let end = Date() + 60
        while !daemon.log.contains(line) {
            guard Date() < end else { throw FixtureFailure(message: "no '\(line)' in the log:\n\(daemon.log)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// The first 8 characters of a key file's key: what the daemon logs of a refused key.
    func keyPrefix(_ name: String) throws -> String {
        String(try CurveKeyFiles.readKey(at: publicKeyFile(name).path).prefix(8))
    }
}

/// A TCP port nothing listens on right now, found by letting the kernel pick one.
enum FreePort {
    static func tcp() throws -> Int {
        let context = try Context()
        let socket = try context.socket(.router)
        try socket.bind("tcp://127.0.0.1:*")
        defer { socket.close() }
        guard let port = socket.lastEndpoint.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw FixtureFailure(message: "no port in \(socket.lastEndpoint)")
        }
        return port
    }
}
