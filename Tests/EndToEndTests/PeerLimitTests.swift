import Foundation
import ReportClient
import ReportProtocol
import XCTest

/// What a peer can make the daemon hold: no message larger than `daemon.max_message_bytes` is
/// read, and `submit` takes no file larger than `watcher.max_file_bytes`.
final class PeerLimitTests: XCTestCase {
    func testAMessageOverMaxMessageBytesIsDroppedWithItsSenderAndTheDaemonAnswersOthers() throws {
        let daemon = try DaemonProcess(config: "[daemon]\nmax_message_bytes = 65536\n")
        try daemon.start()
        let oversized = try daemon.control(timeoutSeconds: 3)
        let payload = [UInt8](repeating: 0x41, count: 200_000)
        XCTAssertThrowsError(try oversized.request(.init(command: .submit, file: "big.txt"), payload: payload),
                             "libzmq cuts the connection before the message is read")
        let reply = try daemon.control().request(.init(command: .status))
        XCTAssertTrue(reply.ok, "\(reply)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path), [])
    }

    func testSubmitRefusesAFileOverMaxFileBytesAndWritesNothing() throws {
        let daemon = try DaemonProcess(config: "[watcher]\nmax_file_bytes = 1000\n")
        try daemon.start()
        let reply = try daemon.control().request(.init(command: .submit, file: "report.txt"),
                                                 payload: Array(repeating: 0x41, count: 1001))
        XCTAssertFalse(reply.ok)
        XCTAssertEqual(reply.error, "report.txt is 1001 bytes, over the limit of 1000 (watcher.max_file_bytes)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path), [])
        let accepted = try daemon.control().request(.init(command: .submit, file: "small.txt"),
                                                    payload: Array(repeating: 0x41, count: 1000))
        XCTAssertTrue(accepted.ok, "\(accepted)")
    }
}
