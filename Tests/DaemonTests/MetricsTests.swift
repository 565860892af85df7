import Foundation
import XCTest
@testable import Daemon

final class MetricsTests: XCTestCase {
    private func job(_ service: String, startedSecondsAgo seconds: Double, now: ContinuousClock.Instant) -> RunningJob {
        RunningJob(jobId: "j", item: WorkItem(service: service, origin: .report(id: "r", file: "f"), queuedAt: now - seconds - 5),
                   worker: [1], deadline: now + 60, startedAt: now - seconds)
    }

    private func text(_ metrics: DaemonMetrics) -> String { String(decoding: metrics.render(), as: UTF8.self) }

    func testEveryMetricOfTheCatalogIsRenderedWithItsHelpAndType() {
        let metrics = DaemonMetrics(version: "9.9.9")
        let now = ContinuousClock.now
        metrics.published(.done)
        metrics.duplicate()
        metrics.reportFailed(stage: "parser", cause: .gaveUp)
        metrics.jobEnded(job("parser", startedSecondsAgo: 0.3, now: now), outcome: .answered, now: now)
        metrics.retried(service: "parser")
        var snapshot = MetricsSnapshot()
        snapshot.queueDepth = ["parser": 3]
        snapshot.oldestQueuedAge = ["parser": 12.5]
        snapshot.running = ["parser": 1]
        snapshot.workers = [["parser", "busy"]: 1]
        snapshot.pluginProcesses = [["parser", "running"]: 2]
        snapshot.reports = ["done": 4, "failed": 1]
        snapshot.storeBytes = 4096
        snapshot.inboxBacklog = 7
        snapshot.feed = .init(subscriptions: 2, overflows: 3, unsent: 0)
        metrics.update(snapshot)

        let rendered = text(metrics)
        for name in MetricCatalog.help.keys {
            XCTAssertTrue(rendered.contains("# HELP \(name) "), "\(name) has no help:\n\(rendered)")
            XCTAssertTrue(rendered.contains("# TYPE \(name) "), "\(name) is not rendered:\n\(rendered)")
        }
        XCTAssertTrue(rendered.contains(#"reportd_queue_oldest_age_seconds{service="parser"} 12.5"#), rendered)
        XCTAssertTrue(rendered.contains(#"reportd_job_duration_seconds_bucket{service="parser",le="0.5"} 1"#), rendered)
        XCTAssertTrue(rendered.contains(#"reportd_job_duration_seconds_bucket{service="parser",le="0.25"} 0"#), rendered)
        XCTAssertTrue(rendered.contains(#"reportd_stage_latency_seconds_bucket{stage="parser",le="3600.0"} 1"#), rendered)
        XCTAssertTrue(rendered.contains("reportd_dead_letters 1.0"), rendered)
        XCTAssertTrue(rendered.contains("reportd_feed_overflows_total 3"), rendered)
        XCTAssertTrue(rendered.contains(#"reportd_build_info{version="9.9.9"} 1.0"#), rendered)
    }

    func testAGaugeWhoseLabelsDisappearReadsZeroInsteadOfItsLastValue() {
        let metrics = DaemonMetrics()
        var snapshot = MetricsSnapshot()
        snapshot.pluginProcesses = [["parser", "starting"]: 2]
        metrics.update(snapshot)
        snapshot.pluginProcesses = [["parser", "running"]: 2]
        metrics.update(snapshot)
        let rendered = text(metrics)
        XCTAssertTrue(rendered.contains(#"reportd_plugin_processes{plugin="parser",state="starting"} 0.0"#), rendered)
        XCTAssertTrue(rendered.contains(#"reportd_plugin_processes{plugin="parser",state="running"} 2.0"#), rendered)
    }

    func testMirroredFeedCountersAddOnlyWhatIsNewSinceTheLastRefresh() {
        let metrics = DaemonMetrics()
        var snapshot = MetricsSnapshot()
        snapshot.feed.overflows = 2
        metrics.update(snapshot)
        metrics.update(snapshot)
        snapshot.feed.overflows = 5
        metrics.update(snapshot)
        XCTAssertTrue(text(metrics).contains("reportd_feed_overflows_total 5\n"), text(metrics))
    }

    func testLostAndTimedOutJobsAreCountedButNotTimed() {
        let metrics = DaemonMetrics()
        let now = ContinuousClock.now
        metrics.jobEnded(job("indexer", startedSecondsAgo: 200, now: now), outcome: .timedOut, now: now)
        metrics.jobEnded(job("indexer", startedSecondsAgo: 1, now: now), outcome: .lost, now: now)
        let rendered = text(metrics)
        XCTAssertTrue(rendered.contains(#"reportd_jobs_total{service="indexer",outcome="timed_out"} 1"#), rendered)
        XCTAssertTrue(rendered.contains(#"reportd_jobs_total{service="indexer",outcome="lost"} 1"#), rendered)
        XCTAssertFalse(rendered.contains("reportd_job_duration_seconds_count"), rendered)
        XCTAssertFalse(rendered.contains("reportd_stage_latency_seconds_count"), rendered)
    }

    func testOnlyGetAndHeadOfMetricsAreServed() {
        func route(_ head: String) -> MetricsRoute { MetricsRoute.route(head: Array(head.utf8)) }
        XCTAssertEqual(route("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"), .metrics(headOnly: false))
        XCTAssertEqual(route("GET /metrics?name[]=x HTTP/1.0\r\n\r\n"), .metrics(headOnly: false))
        XCTAssertEqual(route("HEAD /metrics HTTP/1.1\r\n\r\n"), .metrics(headOnly: true))
        XCTAssertEqual(route("GET / HTTP/1.1\r\n\r\n"), .index(headOnly: false))
        XCTAssertEqual(route("GET /metricsx HTTP/1.1\r\n\r\n"), .notFound)
        XCTAssertEqual(route("POST /metrics HTTP/1.1\r\n\r\n"), .methodNotAllowed)
        XCTAssertEqual(route("GET /metrics\r\n\r\n"), .badRequest)
        XCTAssertEqual(route("\u{16}\u{03}\u{01}"), .badRequest, "a TLS hello is not HTTP")
        XCTAssertTrue(MetricsRoute.isComplete(Array("GET / HTTP/1.1\r\n\r\n".utf8)))
        XCTAssertFalse(MetricsRoute.isComplete(Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)))
    }

    func testAResponseCarriesTheLengthOfItsBodyAndHeadLeavesTheBodyOut() {
        let body = Array("x 1\n".utf8)
        let get = String(decoding: MetricsRoute.metrics(headOnly: false).response { body }, as: UTF8.self)
        XCTAssertEqual(get, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: 4\r\nConnection: close\r\n\r\nx 1\n")
        let head = String(decoding: MetricsRoute.metrics(headOnly: true).response { body }, as: UTF8.self)
        XCTAssertTrue(head.hasSuffix("Content-Length: 4\r\nConnection: close\r\n\r\n"), head)
    }
}
