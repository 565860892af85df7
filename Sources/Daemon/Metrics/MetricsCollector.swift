import Foundation
import ReportProtocol

/// Reads the daemon's state into a `MetricsSnapshot` and hands it to the gauges. Runs on the
/// loop thread, which owns everything it reads.
final class MetricsCollector {
    let metrics: DaemonMetrics
    private let broker: Broker
    /// The pipeline whose dispatcher (a value, read fresh at each refresh) holds the queues.
    private let pipeline: Pipeline
    private let supervisor: Supervisor
    private let publisher: Publisher
    private let store: StateStore
    private let watcher: InboxWatcher
    private let storeFile: URL

    /// The services whose queues are shown even while empty, so a dashboard has a 0, not a gap.
    static let knownServices = Stage.all.map(\.service) + [ServiceName.search]

    init(metrics: DaemonMetrics, broker: Broker, pipeline: Pipeline, supervisor: Supervisor, publisher: Publisher,
         store: StateStore, watcher: InboxWatcher, storeFile: URL) {
        self.metrics = metrics
        self.broker = broker
        self.pipeline = pipeline
        self.supervisor = supervisor
        self.publisher = publisher
        self.store = store
        self.watcher = watcher
        self.storeFile = storeFile
    }

    /// Sets the gauges to the state right now.
    func refresh(now: ContinuousClock.Instant = .now) {
        metrics.update(snapshot(now: now))
    }

    func snapshot(now: ContinuousClock.Instant = .now) -> MetricsSnapshot {
        var snapshot = MetricsSnapshot()
        let zeros = Dictionary(uniqueKeysWithValues: Self.knownServices.map { ($0, 0) })
        let dispatcher = pipeline.dispatcher
        snapshot.queueDepth = zeros.merging(dispatcher.queueDepths) { _, depth in depth }
        snapshot.oldestQueuedAge = zeros.mapValues(Double.init).merging(dispatcher.oldestQueuedAge(now: now)) { _, age in age }
        snapshot.running = zeros.merging(dispatcher.runningByService) { _, count in count }
        for worker in broker.connectedWorkers {
            for service in worker.hello.services { snapshot.workers[[service, worker.state.rawValue], default: 0] += 1 }
        }
        for plugin in supervisor.status() {
            snapshot.pluginProcesses[[plugin.name, plugin.state.rawValue], default: 0] += 1
        }
        let feed = publisher.view
        snapshot.feed = .init(subscriptions: feed.subscriptions, overflows: feed.overflows, unsent: feed.unsent)
        snapshot.storeBytes = Self.fileSize(storeFile.path) + Self.fileSize(storeFile.path + "-wal")
        // One GROUP BY over the reports table: measured in docs/OPERATIONS.md ("Metrics").
        let counts = (try? store.counts()) ?? [:]
        snapshot.reports = Dictionary(uniqueKeysWithValues: ReportState.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
        snapshot.inboxBacklog = watcher.pendingCount
        return snapshot
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
