import CoreMetrics
import Foundation
import Prometheus
import ReportProtocol

/// Why a report failed, as a label with a handful of values (the full reason is in the log, the
/// reason file and the `report.failed` envelope).
enum FailureCause: String {
    /// The worker failed the job as not retryable: the file is not a report it can read.
    case rejectedByWorker = "rejected_by_worker"
    /// Retryable failures, lost workers or timeouts used up `jobs.max_attempts`.
    case gaveUp = "gave_up"
    /// The worker answered with something that is not a valid result of its service.
    case invalidResult = "invalid_result"
    /// Over `watcher.max_file_bytes`.
    case tooLarge = "too_large"
    /// The input (work file or stored document) could not be read.
    case inputMissing = "input_missing"
    case other
}

/// How a job ended, from the broker's point of view.
enum JobOutcome: String {
    case answered, failed, refused, lost
    case timedOut = "timed_out"
}

/// The daemon's metrics: counters the pipeline bumps as things happen, gauges set from a
/// `MetricsSnapshot` when someone scrapes, and the Prometheus text of all of them.
///
/// The recording calls come from the loop thread; `render` may come from the HTTP thread. The
/// registry and its metrics are thread-safe (swift-prometheus keeps them behind locks and atomics).
final class DaemonMetrics: @unchecked Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: CatalogMetricsFactory
    /// Label values ever set per gauge family, so one that disappears (a queue drained, a plugin
    /// removed) reads 0 instead of keeping its last value.
    private var seenLabels: [String: Set<[String]>] = [:]
    /// The publisher's totals already added to the mirrored counters.
    private var mirrored: [String: Int] = [:]
    private let lock = NSLock()

    init(version: String = ReportdVersion.current, startedAt: Date = Date()) {
        factory = CatalogMetricsFactory(registry: registry)
        gauge(MetricCatalog.buildInfo, [("version", version)]).record(1)
        gauge(MetricCatalog.startTime, []).record(startedAt.timeIntervalSince1970.rounded())
    }

    // MARK: Events, as they happen

    func published(_ topic: FeedTopic) {
        counter(MetricCatalog.feedEvents, [("topic", topic.rawValue)]).increment()
    }

    func reportFailed(stage: String, cause: FailureCause) {
        counter(MetricCatalog.reportsFailed, [("stage", stage), ("reason", cause.rawValue)]).increment()
    }

    func duplicate() {
        counter(MetricCatalog.duplicates, []).increment()
    }

    func jobEnded(_ job: RunningJob, outcome: JobOutcome, now: ContinuousClock.Instant = .now) {
        let service = job.item.service
        counter(MetricCatalog.jobs, [("service", service), ("outcome", outcome.rawValue)]).increment()
        // Lost and timed-out jobs have no answer to time.
        guard outcome == .answered || outcome == .failed || outcome == .refused else { return }
        timer(MetricCatalog.jobDuration, [("service", service)], seconds: now.seconds(since: job.startedAt))
        // A report's stage ends with an answer; a refused or failed one is retried or ends the report.
        if outcome == .answered, case .report = job.item.origin {
            timer(MetricCatalog.stageLatency, [("stage", service)], seconds: now.seconds(since: job.item.queuedAt))
        }
    }

    func retried(service: String) {
        counter(MetricCatalog.retries, [("service", service)]).increment()
    }

    // MARK: State, at scrape time

    func update(_ snapshot: MetricsSnapshot) {
        lock.withLock {
            family(MetricCatalog.queueDepth, ["service"], snapshot.queueDepth.mapKeys { [$0] })
            family(MetricCatalog.queueOldestAge, ["service"], snapshot.oldestQueuedAge.mapKeys { [$0] })
            family(MetricCatalog.jobsRunning, ["service"], snapshot.running.mapKeys { [$0] })
            family(MetricCatalog.workers, ["service", "state"], snapshot.workers)
            family(MetricCatalog.pluginProcesses, ["plugin", "state"], snapshot.pluginProcesses)
            family(MetricCatalog.reports, ["state"], snapshot.reports.mapKeys { [$0] })
            gauge(MetricCatalog.deadLetters, []).record(snapshot.reports["failed"] ?? 0)
            gauge(MetricCatalog.feedSubscriptions, []).record(Double(snapshot.feed.subscriptions))
            gauge(MetricCatalog.storeBytes, []).record(Double(snapshot.storeBytes))
            gauge(MetricCatalog.inboxBacklog, []).record(Double(snapshot.inboxBacklog))
            mirror(MetricCatalog.feedOverflows, total: snapshot.feed.overflows)
            mirror(MetricCatalog.feedUnsent, total: snapshot.feed.unsent)
        }
    }

    /// The Prometheus text exposition format (version 0.0.4).
    func render() -> [UInt8] { registry.emitToBuffer() }

    // MARK: Helpers

    private func counter(_ name: String, _ labels: [(String, String)]) -> CoreMetrics.Counter {
        CoreMetrics.Counter(label: name, dimensions: labels, factory: factory)
    }

    private func gauge(_ name: String, _ labels: [(String, String)]) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: name, dimensions: labels, factory: factory)
    }

    private func timer(_ name: String, _ labels: [(String, String)], seconds: Double) {
        CoreMetrics.Timer(label: name, dimensions: labels, factory: factory).recordNanoseconds(Int64(max(0, seconds) * 1e9))
    }

    private func family(_ name: String, _ labelNames: [String], _ values: [[String]: Double]) {
        let all = seenLabels[name, default: []].union(values.keys)
        seenLabels[name] = all
        for labelValues in all {
            gauge(name, Array(zip(labelNames, labelValues))).record(values[labelValues] ?? 0)
        }
    }

    /// A counter that follows a total kept elsewhere (the publisher's), which only grows.
    private func mirror(_ name: String, total: Int) {
        let added = total - mirrored[name, default: 0]
        mirrored[name] = total
        counter(name, []).increment(by: Int64(max(0, added)))
    }
}

private extension Dictionary where Value: BinaryInteger {
    func mapKeys(_ transform: (Key) -> [String]) -> [[String]: Double] {
        Dictionary<[String], Double>(uniqueKeysWithValues: map { (transform($0.key), Double($0.value)) })
    }
}

private extension Dictionary where Value == Double {
    func mapKeys(_ transform: (Key) -> [String]) -> [[String]: Double] {
        Dictionary<[String], Double>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
