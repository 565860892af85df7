import Foundation
import ReportProtocol
import XCTest

/// Over a hundred hostile inbox entries dropped together with good reports: each hostile file ends
/// in report.failed with a reason, or is skipped by the documented rule; the good ones all complete,
/// and the daemon's peak memory stays bounded by max_file_bytes, not by what was dropped.
final class BadInputTests: XCTestCase {
    private static let maxFileBytes = 12 * 1024 * 1024

    func testHostileFilesFailOrAreSkippedAndGoodReportsStillComplete() throws {
        let daemon = try DaemonProcess(config: "[watcher]\nmax_file_bytes = \(Self.maxFileBytes)\n")
        try daemon.start()
        let corpus = try HostileCorpus(inbox: daemon.inbox, outside: daemon.root.appendingPathComponent("outside"),
                                       oversized: Self.maxFileBytes + 1024 * 1024)
        let good = try SampleVariants.make(10)
        for variant in good { try daemon.dropByRename(variant.bytes, as: variant.name) }
        let goodIds = good.map { ContentHash.of($0.bytes) }
        XCTAssertGreaterThanOrEqual(corpus.entries.count, 100)

        let history = try daemon.awaitHistory(within: 300, "every hostile file failed and every good report done") { events in
            Set(corpus.failingIds).isSubset(of: events.filter { $0.topic == .failed }.map(\.reportId))
                && Set(goodIds).isSubset(of: events.filter { $0.topic == .done }.map(\.reportId))
        }

        for entry in corpus.entries {
            switch entry.outcome {
            case .fails(let id, let expected):
                let events = history.filter { $0.reportId == id }
                XCTAssertEqual(events.map(\.topic), [.accepted, .failed], "\(entry.name.debugDescription)")
                let reason = events.last?.data["reason"]?.stringValue ?? ""
                XCTAssertFalse(reason.isEmpty, "\(entry.name.debugDescription) failed without a reason")
                XCTAssertTrue(expected.isEmpty || reason.contains(expected), "\(entry.name.debugDescription): \(reason)")
            case .skipped:
                var info = stat()
                if !entry.name.unicodeScalars.contains("\u{FFFD}") {
                    XCTAssertEqual(lstat(daemon.inbox.appendingPathComponent(entry.name).path, &info), 0,
                                   "\(entry.name) is left in the inbox")
                }
            case .vanishes:
                break
            }
        }
        // Symlinks, FIFOs and directories made in place raise no inotify event the watcher asks for;
        // they are listed (and logged) by the next rescan. A name that is not UTF-8 is logged at once.
        XCTAssertEqual(daemon.log.components(separatedBy: #"kind="entry whose name is not valid UTF-8""#).count - 1, 2)
        let expectedIds = Set(corpus.failingIds + goodIds)
        XCTAssertEqual(Set(history.map(\.reportId)), expectedIds, "no event about anything else (symlink targets, vanished files)")
        XCTAssertEqual(history.filter { $0.topic == .done }.count, goodIds.count)
        XCTAssertEqual(daemon.files(in: "failed").filter { !$0.hasSuffix(".reason.txt") }.count, corpus.failingIds.count)
        XCTAssertEqual(daemon.files(in: "processed").count, goodIds.count)

        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        let peak = try XCTUnwrap(ProcessMemory.peakResidentKilobytes(of: pid))
        print("bad input: \(corpus.entries.count) hostile entries, \(corpus.failingIds.count) failed, daemon VmHWM \(peak / 1024) MiB")
        // The largest file read is max_file_bytes (12 MiB); everything else is small.
        XCTAssertLessThan(peak, 256 * 1024, "the daemon's peak RSS stays bounded")
        XCTAssertEqual(daemon.stop(), 0)
    }
}
