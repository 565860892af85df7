import Foundation
import XCTest
@testable import Daemon

final class MetricsConfigTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(self)
    }

    private func load(_ toml: String) throws -> DaemonConfig {
        let file = directory.appendingPathComponent("reportd.toml")
        try write(toml, to: file)
        return try DaemonConfig.load(file: file.path, overrides: .init(), currentDirectory: directory)
    }

    private func error(_ toml: String) -> String {
        do {
            _ = try load(toml)
            return "loaded"
        } catch {
            return "\(error)"
        }
    }

    func testMetricsAreOffWithoutAnAddressAndLogLinesArePlain() throws {
        let config = try DaemonConfig.load(file: nil, overrides: .init(), currentDirectory: directory)
        XCTAssertNil(config.metrics.address)
        XCTAssertEqual(config.logFormat, .plain)
    }

    func testALoopbackAddressIsServedAsGiven() throws {
        XCTAssertEqual(try load("[metrics]\naddress = \"127.0.0.1:9464\"\n").metrics.address?.description, "127.0.0.1:9464")
        XCTAssertEqual(try load("[metrics]\naddress = \"[::1]:9464\"\n").metrics.address?.description, "[::1]:9464")
    }

    func testANetworkAddressNeedsAllowNetworkAndTheErrorSaysSo() throws {
        let refused = error("[metrics]\naddress = \"0.0.0.0:9464\"\n")
        XCTAssertTrue(refused.contains("key `metrics.address`"), refused)
        XCTAssertTrue(refused.contains("allow_network = true"), refused)
        let allowed = try load("[metrics]\naddress = \"0.0.0.0:9464\"\nallow_network = true\n")
        XCTAssertEqual(allowed.metrics.address?.host, "0.0.0.0")
    }

    func testMalformedAddressesNameTheKeyAndWhatIsWrong() {
        XCTAssertTrue(error("[metrics]\naddress = \"localhost:9464\"\n").contains("not a numeric IPv4 or IPv6 address"))
        XCTAssertTrue(error("[metrics]\naddress = \"127.0.0.1\"\n").contains("has no port"))
        XCTAssertTrue(error("[metrics]\naddress = \"127.0.0.1:99999\"\n").contains("from 1 to 65535"))
        XCTAssertTrue(error("[metrics]\nport = 9464\n").contains("unknown key `metrics.port`"))
    }

    func testLogFormatIsPlainOrJSON() throws {
        XCTAssertEqual(try load("[daemon]\nlog_format = \"json\"\n").logFormat, .json)
        let refused = error("[daemon]\nlog_format = \"xml\"\n")
        XCTAssertTrue(refused.contains("key `daemon.log_format`") && refused.contains("plain, json"), refused)
    }
}
