import Foundation
import XCTest
@testable import ChineseText

/// pdftotext and any other helper: in the plugin's process group (so killing the plugin's group
/// kills it too), with its output and its complaints capped.
final class ExternalCommandTests: XCTestCase {
    func testTheHelperRunsInTheCallersProcessGroup() throws {
        // Field 5 of /proc/self/stat is the process group of the process reading it: the helper's.
        let result = try ExternalCommand.run("/usr/bin/cut", ["-d", " ", "-f5", "/proc/self/stat"], timeout: 30,
                                             maxOutputBytes: 100)
        XCTAssertEqual(result.status, 0, result.message)
        XCTAssertEqual(String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                       "\(getpgrp())")
    }

    func testOutputBeyondTheCapKillsTheHelperAndFails() {
        XCTAssertThrowsError(try ExternalCommand.run("/usr/bin/yes", ["报告"], timeout: 30, maxOutputBytes: 1 << 20)) { error in
            XCTAssertEqual("\(error)", "yes wrote more than 1048576 bytes of text")
        }
    }

    func testStderrIsKeptToItsCapAndItsTailShown() throws {
        // 1 MB of complaints, then the line that says why.
        let result = try ExternalCommand.run("/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\000' x >&2; echo ' damaged' >&2; exit 1"],
                                             timeout: 30, maxOutputBytes: 100)
        XCTAssertEqual(result.status, 1)
        XCTAssertLessThanOrEqual(result.message.utf8.count, 300)
        XCTAssertTrue(result.message.hasSuffix("x damaged"), "the tail, which says why: \(result.message.suffix(20))")
    }

    func testAHelperThatRunsTooLongIsKilled() {
        XCTAssertThrowsError(try ExternalCommand.run("/bin/sleep", ["30"], timeout: 0.5, maxOutputBytes: 100)) { error in
            XCTAssertEqual("\(error)", "sleep took longer than 0 s")
        }
    }
}
