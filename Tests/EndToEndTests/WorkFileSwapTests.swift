import Foundation
import Glibc
import ReportClient
import ReportProtocol
import XCTest

/// Between intake and the parse job, `work/<id>` is swapped for a FIFO, a symlink to /dev/zero,
/// or grown with truncate: the loop neither blocks nor reads without bound, each report fails
/// with a reason naming its file, and a good report after them is done.
final class WorkFileSwapTests: XCTestCase {
    func testASwappedWorkFileFailsItsReportWithoutBlockingOrFillingTheDaemon() throws {
        // No parser yet: the reports wait in the work area, accepted, until the test starts one.
        let daemon = try DaemonProcess(config: "plugins_dir = \"plugins\"\n[watcher]\nmax_file_bytes = 1048576\n")
        let plugins = daemon.root.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        for name in ["indexer.toml", "summarizer.toml"] {
            try FileManager.default.copyItem(at: RepositoryPaths.root.appendingPathComponent("Config/plugins/\(name)"),
                                             to: plugins.appendingPathComponent(name))
        }
        try daemon.start()
        let variants = try SampleVariants.make(4)
        for variant in variants { try daemon.dropByRename(variant.bytes, as: variant.name) }
        let ids = variants.map { ContentHash.of($0.bytes) }
        try daemon.awaitReports(ids, reach: .accepted)

        let work = { (index: Int) in daemon.dataDir.appendingPathComponent("work/\(ids[index])").path }
        XCTAssertEqual(unlink(work(0)), 0)
        XCTAssertEqual(mkfifo(work(0), 0o600), 0)
        XCTAssertEqual(unlink(work(1)), 0)
        XCTAssertEqual(symlink("/dev/zero", work(1)), 0)
        XCTAssertEqual(truncate(work(2), 100 << 30), 0, "a sparse 100 GiB")

        let parser = try ChildProcess(try RepositoryPaths.executable("report-parser"),
                                      ["serve", "--broker", "ipc://" + daemon.dataDir.appendingPathComponent("workers.sock").path],
                                      logDirectory: daemon.root, test: self)
        let events = try daemon.awaitHistory("three failed and one done") { events in
            Set(ids.prefix(3)).isSubset(of: events.filter { $0.topic == .failed }.map(\.reportId))
                && events.contains { $0.topic == .done && $0.reportId == ids[3] }
        }
        let reasons = ids.prefix(3).map { id in events.first { $0.topic == .failed && $0.reportId == id }?.data["reason"]?.stringValue ?? "" }
        for (index, expected) in ["is no longer a regular file (a FIFO)", "is a symlink, which is never followed",
                                  "is 107374182400 bytes, over the limit of 1048576 (watcher.max_file_bytes)"].enumerated() {
            XCTAssertTrue(reasons[index].contains("work/\(ids[index].prefix(12))… (\(variants[index].name))"), reasons[index])
            XCTAssertTrue(reasons[index].contains(expected), reasons[index])
        }
        XCTAssertTrue(try daemon.control().request(.init(command: .status)).ok, "the loop still answers")
        let peak = try XCTUnwrap(ProcessMemory.peakResidentKilobytes(of: try XCTUnwrap(daemon.process?.processIdentifier)))
        XCTAssertLessThan(peak, 200 * 1024, "nothing of /dev/zero or the sparse file was read: VmHWM \(peak) KiB")
        withExtendedLifetime(parser) {}
    }
}
