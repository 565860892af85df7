import Foundation
import ReportProtocol
import XCTest

/// /metrics of a real reportd with its real plugins, scraped over HTTP while reports flow.
final class MetricsEndToEndTests: XCTestCase {
    private func startDaemon() throws -> (daemon: DaemonProcess, port: UInt16) {
        let port = try MetricsScrape.freePort()
        let daemon = try DaemonProcess(config: "[metrics]\naddress = \"127.0.0.1:\(port)\"\n")
        try daemon.start()
        return (daemon, port)
    }

    func testCountersMoveWhileReportsFlowAndEndEqualToTheFeed() throws {
        let (daemon, port) = try startDaemon()
        let first = try MetricsScrape.get(port: port)
        XCTAssertEqual(first.status, "HTTP/1.1 200 OK")
        XCTAssertTrue(first.headers.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8"), first.headers)
        XCTAssertNil(first.samples[#"reportd_feed_events_total{topic="report.done"}"#], "nothing done yet:\n\(first.body)")
        XCTAssertEqual(first.samples[#"reportd_queue_depth{service="parser"}"#], 0, first.body)
        XCTAssertEqual(first.samples[#"reportd_build_info{version="\#(ReportdVersion.current)"}"#], 1, first.body)

        let samples = ["000", "001", "002", "003", "004"]
        var ids: [String] = []
        for prefix in samples { ids.append(try daemon.dropSample(prefix).reportId) }

        // Scrape as the reports go through: every counter only grows, and report.done reaches 5.
        var previous = first.samples
        var scrapes = 1
        let end = Date() + 120
        while previous[#"reportd_feed_events_total{topic="report.done"}"#] != Double(samples.count), Date() < end {
            let current = try MetricsScrape.get(port: port).samples
            scrapes += 1
            for (series, value) in previous where series.contains("_total{") || series.hasSuffix("_total") {
                XCTAssertGreaterThanOrEqual(current[series] ?? -1, value, "\(series) went down")
            }
            previous = current
            Thread.sleep(forTimeInterval: 0.05)
        }
        let history = try daemon.awaitReports(ids)
        let last = try MetricsScrape.get(port: port).samples

        // The counters equal what the feed carried, topic by topic.
        let byTopic = Dictionary(grouping: history, by: \.topic.rawValue).mapValues { Double($0.count) }
        for (topic, count) in byTopic {
            XCTAssertEqual(last[#"reportd_feed_events_total{topic="\#(topic)"}"#], count, "topic \(topic), \(scrapes) scrapes")
        }
        XCTAssertEqual(byTopic["report.done"], Double(samples.count))
        XCTAssertEqual(last[#"reportd_reports{state="done"}"#], Double(samples.count))
        XCTAssertEqual(last["reportd_dead_letters"], 0)
        for service in ["parser", "indexer", "summarizer"] {
            XCTAssertGreaterThanOrEqual(last[#"reportd_jobs_total{service="\#(service)",outcome="answered"}"#] ?? 0,
                                        Double(samples.count), service)
            XCTAssertEqual(last[#"reportd_job_duration_seconds_count{service="\#(service)"}"#],
                           last[#"reportd_jobs_total{service="\#(service)",outcome="answered"}"#], service)
            XCTAssertEqual(last[#"reportd_stage_latency_seconds_count{stage="\#(service)"}"#],
                           last[#"reportd_jobs_total{service="\#(service)",outcome="answered"}"#], service)
            XCTAssertEqual(last[#"reportd_queue_depth{service="\#(service)"}"#], 0, service)
            XCTAssertEqual(last[#"reportd_queue_oldest_age_seconds{service="\#(service)"}"#], 0, service)
        }
        // The embedded defaults run two parser processes; both announced themselves.
        XCTAssertEqual(last[#"reportd_plugin_processes{plugin="parser",state="running"}"#], 2)
        XCTAssertEqual((last[#"reportd_workers{service="parser",state="idle"}"#] ?? 0)
                       + (last[#"reportd_workers{service="parser",state="busy"}"#] ?? 0), 2)
        XCTAssertGreaterThan(last["reportd_store_bytes"] ?? 0, 0)
        XCTAssertEqual(last["reportd_inbox_backlog"], 0)
        XCTAssertEqual(daemon.stop(), 0, daemon.log)
    }

    func testAFailedReportIsCountedByStageAndReason() throws {
        let (daemon, port) = try startDaemon()
        // A PNG named .txt: the parser refuses it as not retryable.
        try daemon.dropByRename([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7) },
                                as: "picture.txt")
        try daemon.awaitHistory("report.failed of picture.txt") { $0.contains { $0.topic == .failed } }
        let samples = try MetricsScrape.get(port: port).samples
        XCTAssertEqual(samples[#"reportd_reports_failed_total{stage="parser",reason="rejected_by_worker"}"#], 1,
                       samples.keys.filter { $0.contains("failed") }.description)
        XCTAssertEqual(samples[#"reportd_feed_events_total{topic="report.failed"}"#], 1)
        XCTAssertEqual(samples["reportd_dead_letters"], 1)
        XCTAssertEqual(samples[#"reportd_jobs_total{service="parser",outcome="refused"}"#], 1)
    }

    func testPromtoolAcceptsTheScrape() throws {
        let (daemon, port) = try startDaemon()
        let report = try daemon.dropSample("003")
        try daemon.awaitReports([report.reportId])
        let scrape = try MetricsScrape.get(port: port)

        let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let promtool else {
            return XCTFail("promtool is missing: run scripts/install-deps.sh (Debian package prometheus)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(scrape.body.utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "promtool: \(said)\nscrape:\n\(scrape.body)")
        XCTAssertEqual(said, "", "promtool found nothing to lint")
    }

    func testReportctlMetricsPrintsTheSameCountersSortedByName() throws {
        let (daemon, port) = try startDaemon()
        let report = try daemon.dropSample("003")
        try daemon.awaitReports([report.reportId])
        let scrape = try MetricsScrape.get(port: port)
        let reportctl = try Reportctl(daemon: daemon, test: self)

        let run = try reportctl.run(["metrics", "reportd_feed_events", "reportd_jobs_total"])

        XCTAssertEqual(run.status, 0, run.errorOutput)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("# HELP reportd_feed_events_total ") ?? false, run.output)
        let families = lines.filter { $0.hasPrefix("# TYPE ") }
        XCTAssertEqual(families, ["# TYPE reportd_feed_events_total counter", "# TYPE reportd_jobs_total counter"])
        let wanted = scrape.body.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("reportd_feed_events_total{") || $0.hasPrefix("reportd_jobs_total{") }
        XCTAssertEqual(Set(lines.filter { !$0.hasPrefix("#") }), Set(wanted), "the daemon was idle between the two reads")
    }

    func testOnlyMetricsIsServedAndOtherRequestsGetAnHTTPError() throws {
        let (daemon, port) = try startDaemon()
        defer { withExtendedLifetime(daemon) {} }
        XCTAssertEqual(try MetricsScrape.get(port: port, path: "/nope").status, "HTTP/1.1 404 Not Found")
        XCTAssertEqual(try MetricsScrape.get(port: port, method: "POST").status, "HTTP/1.1 405 Method Not Allowed")
        let head = try MetricsScrape.get(port: port, method: "HEAD")
        XCTAssertEqual(head.status, "HTTP/1.1 200 OK")
        XCTAssertEqual(head.body, "")
    }
}
