import Foundation
import ReportProtocol
import XCTest

/// The long scenarios: `make chaos` (REPORTD_CHAOS=1) runs them; `make test` skips them.
final class ChaosTests: XCTestCase {
    override func setUpWithError() throws {
        guard ProcessInfo.processInfo.environment["REPORTD_CHAOS"] == "1" else {
            throw XCTSkip("a long scenario: run `make chaos` (REPORTD_CHAOS=1)")
        }
    }

    /// 500 distinct reports; the daemon is SIGKILLed five times, each at a different point of the
    /// pipeline, and restarted. Every report must reach report.done exactly once.
    func testKillNineAtFivePointsOfTheBurstLosesNothingAndRepeatsNothing() throws {
        let count = Int(ProcessInfo.processInfo.environment["REPORTD_CHAOS_REPORTS"] ?? "") ?? 500
        let daemon = try DaemonProcess()
        try daemon.start()
        let variants = try SampleVariants.make(count)
        let ids = Set(variants.map { ContentHash.of($0.bytes) })
        XCTAssertEqual(ids.count, count, "the reports are distinct")
        // Dropping takes a while: the first kill lands while files are still arriving and being taken.
        let inbox = daemon.inbox
        let dropper = Thread {
            for variant in variants {
                let temporary = inbox.appendingPathComponent(".\(variant.name).part")
                try? Data(variant.bytes).write(to: temporary)
                try? FileManager.default.moveItem(at: temporary, to: inbox.appendingPathComponent(variant.name))
            }
        }
        dropper.start()

        var kills: [String] = []
        let points: [(String, (PipelineTally) -> Bool)] = [
            ("intake: \(count / 10) accepted", { $0.accepted >= count / 10 }),
            ("mid-parse: \(count * 3 / 10) parsed", { $0.parsed >= count * 3 / 10 }),
            ("mid-index: \(count / 2) indexed", { $0.indexed >= count / 2 }),
            ("right after a restart, during recovery", { _ in true }),
            ("mid-done: \(count * 4 / 5) done", { $0.done >= count * 4 / 5 }),
        ]
        for (point, reached) in points {
            let tally = try PipelineTally.await(daemon, within: 600, point, until: reached)
            let pid = try XCTUnwrap(daemon.process?.processIdentifier)
            kill(pid, SIGKILL)
            daemon.process?.waitUntilExit()
            kills.append("\(point) (at \(tally))")
            try daemon.start()
        }
        while dropper.isExecuting { Thread.sleep(forTimeInterval: 0.1) }

        try PipelineTally.await(daemon, within: 900, "every report done") { $0.doneIds.count >= count }
        // A moment for anything that would be a duplicate to show up.
        Thread.sleep(forTimeInterval: 2)
        let history = try daemon.history()
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        let peak = ProcessMemory.peakResidentKilobytes(of: pid) ?? 0
        XCTAssertEqual(daemon.stop(), 0)

        let done = history.filter { $0.topic == .done }
        let accepted = history.filter { $0.topic == .accepted }
        let lost = ids.subtracting(done.map(\.reportId))
        let twice = done.count - Set(done.map(\.reportId)).count
        print("chaos kill: \(count) reports, \(kills.count) SIGKILLs [\(kills.joined(separator: "; "))]; "
              + "lost \(lost.count), done twice \(twice), accepted \(accepted.count), last daemon VmHWM \(peak / 1024) MiB")
        XCTAssertEqual(lost, [], "no report is lost")
        XCTAssertEqual(twice, 0, "no report is done twice")
        XCTAssertEqual(Set(done.map(\.reportId)), ids)
        XCTAssertEqual(accepted.count, count, "no report is accepted twice")
        XCTAssertTrue(history.filter { $0.topic == .failed }.isEmpty)
        XCTAssertEqual(history.map(\.seq), Array(Set(history.map(\.seq))).sorted(), "seqs strictly increase")
        for topic in [FeedTopic.parsed, .indexed, .summarized] {
            XCTAssertEqual(Set(history.filter { $0.topic == topic }.map(\.reportId)), ids, "every report \(topic.rawValue)")
        }

        // The folders agree with the store: every input in processed/ (by content), nothing elsewhere.
        let processed = daemon.dataDir.appendingPathComponent("processed")
        let shelved = try daemon.files(in: "processed").map { ContentHash.of(Array(try Data(contentsOf: processed.appendingPathComponent($0)))) }
        XCTAssertEqual(shelved.count, count, "one file per report in processed/")
        XCTAssertEqual(Set(shelved), ids)
        XCTAssertEqual(daemon.files(in: "work"), [])
        XCTAssertEqual(daemon.files(in: "failed"), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path), [])
        let states = try sqlite(daemon.dataDir.appendingPathComponent("state.sqlite"),
                                "SELECT state || ' ' || COUNT(*) FROM reports GROUP BY state")
        XCTAssertEqual(states, ["done \(count)"], "the store has every report done and nothing else")
    }

    /// A 200 MB text file (over the default 64 MiB max_file_bytes) fails unread; memory stays flat.
    func testA200MegabyteFileFailsUnreadAndMemoryStaysBounded() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let name = "huge.txt"
        let url = daemon.inbox.appendingPathComponent(".\(name).part")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let line = Data((String(repeating: "政府工作报告，经济运行总体平稳。", count: 64 * 1024 / 48) + "\n").utf8)
        var written = 0
        while written < 200 * 1024 * 1024 { handle.write(line); written += line.count }
        try handle.close()
        try FileManager.default.moveItem(at: url, to: daemon.inbox.appendingPathComponent(name))
        let good = try daemon.dropSample("003")

        let history = try daemon.awaitHistory(within: 300, "the huge file failing and the sample done") { events in
            events.contains { $0.topic == .failed && $0.file == name } && events.contains { $0.topic == .done && $0.reportId == good.reportId }
        }
        let failed = try XCTUnwrap(history.first { $0.topic == .failed && $0.file == name })
        XCTAssertTrue(failed.data["reason"]?.stringValue?.contains("over the limit") ?? false, "\(failed.data)")
        XCTAssertEqual(failed.data["stage"]?.stringValue, "intake")
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        let peak = try XCTUnwrap(ProcessMemory.peakResidentKilobytes(of: pid))
        print("chaos huge file: \(written / 1024 / 1024) MiB file failed unread, daemon VmHWM \(peak / 1024) MiB")
        XCTAssertLessThan(peak, 128 * 1024, "the daemon hashed the file in chunks and never read it whole")
        XCTAssertEqual(daemon.stop(), 0)
    }

    private func sqlite(_ database: URL, _ query: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-readonly", database.path, query]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// How far the daemon got, counted from its stored history by topic.
struct PipelineTally: CustomStringConvertible {
    var accepted = 0, parsed = 0, indexed = 0, done = 0
    var doneIds: Set<String> = []

    init(_ events: [FeedEnvelope]) {
        for event in events {
            switch event.topic {
            case .accepted: accepted += 1
            case .parsed: parsed += 1
            case .indexed: indexed += 1
            case .done: done += 1; doneIds.insert(event.reportId)
            default: break
            }
        }
    }

    var description: String { "\(accepted) accepted, \(parsed) parsed, \(indexed) indexed, \(done) done" }

    /// Polls the history every 50 ms until `condition` holds.
    @discardableResult
    static func await(_ daemon: DaemonProcess, within seconds: TimeInterval, _ what: String,
                      until condition: (PipelineTally) -> Bool) throws -> PipelineTally {
        let end = Date() + seconds
        var events: [FeedEnvelope] = []
        while true {
            events += try daemon.history(since: events.last?.seq ?? 0)
            let tally = PipelineTally(events)
            if condition(tally) { return tally }
            guard Date() < end else { throw FixtureFailure(message: "\(what) not reached within \(seconds) s: \(tally)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
