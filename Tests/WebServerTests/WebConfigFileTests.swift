@testable import reportd_web
import XCTest

/// What reportd-web takes from reportd.toml, and the listen address it accepts.
final class WebConfigFileTests: XCTestCase {
    func testTheWebTableAndTheDaemonsSocketsAreRead() throws {
        let config = try WebConfigFile.parse("""
            plugins_dir = "plugins"
            [daemon]
            data_dir = "/var/lib/reportd/data"
            [feed]
            endpoint = "tcp://127.0.0.1:5560"
            [web]
            listen = "[::1]:9090"
            timeout_seconds = 2.5
            """, file: "reportd.toml")
        XCTAssertEqual(config.listen, ListenAddress(host: "::1", port: 9090))
        XCTAssertEqual(config.timeoutSeconds, 2.5)
        XCTAssertEqual(config.dataDirectory, "/var/lib/reportd/data")
        XCTAssertEqual(config.feedEndpoint, "tcp://127.0.0.1:5560")
        XCTAssertNil(config.controlEndpoint)
    }

    func testTheShippedConfigListensOnLoopback8080() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/reportd.toml")
        XCTAssertEqual(try WebConfigFile.read(path: shipped.path).listen, .default)
    }

    func testAnUnknownWebKeyIsRefusedByName() {
        XCTAssertThrowsError(try WebConfigFile.parse("[web]\nport = 8080\n", file: "x.toml")) { error in
            XCTAssertEqual("\(error)", "x.toml: web.port is not a setting of reportd-web; known: listen, timeout_seconds")
        }
        XCTAssertThrowsError(try WebConfigFile.parse("[web]\nlisten = \"8080\"\n", file: "x.toml")) { error in
            XCTAssertTrue("\(error)".contains("web.listen must be a string HOST:PORT"), "\(error)")
        }
    }

    func testListenAddressesParseHostAndPortIncludingIPv6() {
        XCTAssertEqual(ListenAddress("127.0.0.1:8080"), .default)
        XCTAssertEqual(ListenAddress("localhost:0"), ListenAddress(host: "localhost", port: 0))
        XCTAssertEqual(ListenAddress("[::1]:80")?.description, "[::1]:80")
        for bad in ["8080", ":8080", "host:", "host:70000", "[::1]8080", "host:x"] {
            XCTAssertNil(ListenAddress(bad), bad)
        }
    }
}
