import Foundation
import Glibc
import ReportProtocol
import XCTest

/// Files that arrive by a new link rather than by a write or a rename (`ln`, `O_TMPFILE` +
/// `linkat`) are taken like any other, and a hard-linked input is archived, not deleted, with
/// the bytes it was accepted with whatever happens to its other name.
final class LinkedInputTests: XCTestCase {
    func testAHardLinkedAndAnOTmpfileLinkedReportAreTakenAndArchived() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let staging = daemon.root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let variants = try SampleVariants.make(2)

        let original = staging.appendingPathComponent(variants[0].name)
        try Data(variants[0].bytes).write(to: original)
        XCTAssertEqual(link(original.path, daemon.inbox.appendingPathComponent(variants[0].name).path), 0)

        // O_TMPFILE is hidden from Swift behind _GNU_SOURCE: __O_TMPFILE | O_DIRECTORY on Linux.
        let fd = open(daemon.inbox.path, 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o640)
        XCTAssertGreaterThanOrEqual(fd, 0, String(cString: strerror(errno)))
        let written = variants[1].bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        XCTAssertEqual(written, variants[1].bytes.count)
        XCTAssertEqual(linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD,
                              daemon.inbox.appendingPathComponent(variants[1].name).path, AT_SYMLINK_FOLLOW), 0)
        close(fd)

        let ids = variants.map { ContentHash.of($0.bytes) }
        try daemon.awaitReports(ids)
        XCTAssertEqual(daemon.files(in: "processed"), variants.map(\.name).sorted())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path), [])
        XCTAssertEqual(Array(try Data(contentsOf: original)), variants[0].bytes, "the staged original is left alone")
        // The other name is still the user's to change; the archive keeps the report's bytes.
        XCTAssertEqual(truncate(original.path, 0), 0)
        let archived = daemon.dataDir.appendingPathComponent("processed").appendingPathComponent(variants[0].name)
        XCTAssertEqual(ContentHash.of(Array(try Data(contentsOf: archived))), ids[0])
    }
}
