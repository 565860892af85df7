import Foundation
import XCTest
@testable import Daemon

/// Plain TCP only on loopback: what counts as loopback, and how a config that breaks the rule is refused.
final class EndpointPolicyTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(self)
    }

    private func load(_ toml: String, overrides: ConfigOverrides = .init()) throws -> DaemonConfig {
        let file = directory.appendingPathComponent("reportd.toml")
        try write(toml, to: file)
        return try DaemonConfig.load(file: file.path, overrides: overrides, currentDirectory: directory)
    }

    func testLoopbackAddressesAndLocalTransportsAreTold() {
        for endpoint in ["tcp://127.0.0.1:5555", "tcp://127.3.2.1:1", "tcp://localhost:5555", "tcp://LOCALHOST:5555",
                         "tcp://[::1]:5555", "tcp://[::ffff:127.0.0.1]:5555", "tcp://10.0.0.5:1;127.0.0.1:5555"] {
            XCTAssertEqual(EndpointExposure(endpoint: endpoint), .loopback, endpoint)
        }
        for endpoint in ["ipc:///run/reportd/workers.sock", "inproc://x"] {
            XCTAssertEqual(EndpointExposure(endpoint: endpoint), .local, endpoint)
        }
        for endpoint in ["tcp://0.0.0.0:5555", "tcp://*:5555", "tcp://10.77.0.1:5555", "tcp://128.0.0.1:5555",
                         "tcp://[::]:5555", "tcp://[fe80::1]:5555", "tcp://eth0:5555", "tcp://lo:5555",
                         "tcp://localhost.example.com:5555", "tcp://127.0.0.1.evil:5555", "tcp://127.0.0.1",
                         "ws://127.0.0.1:5555/feed"] {
            XCTAssertEqual(EndpointExposure(endpoint: endpoint), .network, endpoint)
        }
    }

    func testAPlainNetworkEndpointStopsTheDaemonNamingTheEndpointAndTheKeyToSet() throws {
        XCTAssertThrowsError(try load("""
            [daemon]
            worker_endpoint = "tcp://10.77.0.1:5555"
            """)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("`daemon.worker_endpoint`"), message)
            XCTAssertTrue(message.contains("tcp://10.77.0.1:5555"), message)
            XCTAssertTrue(message.contains("`curve = true` in the [security] table"), message)
        }
        XCTAssertThrowsError(try load("", overrides: ConfigOverrides(feed: "tcp://0.0.0.0:5560"))) { error in
            XCTAssertTrue("\(error)".contains("flag --feed"), "\(error)")
        }
        XCTAssertThrowsError(try load("""
            [feed]
            endpoint = "tcp://*:5560"
            """)) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "feed.endpoint")
        }
    }

    func testWithCurveANetworkEndpointIsAcceptedAndLoopbackAndIPCNeverNeedIt() throws {
        let curved = try load("""
            [daemon]
            worker_endpoint = "tcp://0.0.0.0:5555"
            control_endpoint = "tcp://127.0.0.1:5556"
            [security]
            curve = true
            authorized_keys = "clients"
            """)
        XCTAssertTrue(curved.security.curve)
        XCTAssertEqual(curved.workerEndpoint, "tcp://0.0.0.0:5555")
        XCTAssertEqual(curved.security.authorizedKeysDirectory.path, curved.dataDir.appendingPathComponent("clients").path,
                       "a relative authorized_keys is inside the data directory")

        let plain = try load("""
            [daemon]
            control_endpoint = "tcp://127.0.0.1:5556"
            """)
        XCTAssertFalse(plain.security.curve)
        XCTAssertTrue(plain.feedEndpoint.hasPrefix("ipc://"))
        XCTAssertEqual(plain.security.authorizedKeysDirectory.path, plain.dataDir.appendingPathComponent("keys/authorized").path)
    }

    func testTheSecurityTableRejectsTyposAndWrongTypes() throws {
        XCTAssertThrowsError(try load("[security]\ncurve = \"yes\"")) { error in
            XCTAssertEqual((error as? ConfigError)?.reason, .wrongType(expected: "a boolean (true or false)", found: "a string"))
        }
        XCTAssertThrowsError(try load("[security]\nauthorised_keys = \"x\"")) { error in
            XCTAssertEqual((error as? ConfigError)?.reason, .unknownKey(suggestion: "authorized_keys"))
        }
    }

    func testAWildcardWorkerBindIsReachedByLocalPluginsOnLoopback() {
        XCTAssertEqual(SocketSecurity.localConnectEndpoint(for: "tcp://*:5555"), "tcp://127.0.0.1:5555")
        XCTAssertEqual(SocketSecurity.localConnectEndpoint(for: "tcp://0.0.0.0:5555"), "tcp://127.0.0.1:5555")
        XCTAssertEqual(SocketSecurity.localConnectEndpoint(for: "tcp://10.77.0.1:5555"), "tcp://10.77.0.1:5555")
        XCTAssertEqual(SocketSecurity.localConnectEndpoint(for: "ipc:///tmp/w.sock"), "ipc:///tmp/w.sock")
    }
}
