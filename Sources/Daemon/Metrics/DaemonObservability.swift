import Foundation
import Logging
import ZMQ

/// What the loop holds for metrics: the collector it refreshes on its own thread, and the HTTP
/// endpoint when `[metrics] address` is set. Counters are bumped by the pipeline and the publisher,
/// which share the collector's `DaemonMetrics`.
final class DaemonObservability {
    let collector: MetricsCollector
    private let server: MetricsHTTPServer?
    private let logger: Logger

    /// How long a scrape waits for the loop to refresh the gauges before rendering the previous values.
    static let refreshPatience = 2.0

    init(configuration: DaemonConfig, pipeline: Pipeline, broker: Broker, supervisor: Supervisor, watcher: InboxWatcher,
         commands: Mailbox<LoopCommand>, logger: Logger) throws {
        let metrics = pipeline.metrics
        pipeline.publisher.metrics = metrics
        self.logger = logger
        collector = MetricsCollector(metrics: metrics, broker: broker, pipeline: pipeline, supervisor: supervisor,
                                     publisher: pipeline.publisher, store: pipeline.store, watcher: watcher,
                                     storeFile: configuration.layout.store)
        server = try configuration.metrics.address.map { address in
            try MetricsHTTPServer(address: address, logger: logger) {
                let refresh = MetricsRefresh()
                commands.post(.refreshMetrics(refresh))
                if !refresh.wait(seconds: Self.refreshPatience) {
                    logger.debug("the loop did not refresh the gauges within \(Self.refreshPatience) s; serving the previous values")
                }
                return metrics.render()
            }
        }
    }

    func start() {
        guard let server else { return }
        server.start()
        logger.info("metrics served", metadata: ["url": "http://\(server.address)/metrics"])
    }

    func stop() { server?.stop() }

    /// `reportctl metrics`: the same text as a scrape, refreshed by the loop that asks.
    func text() -> String {
        collector.refresh()
        return String(decoding: collector.metrics.render(), as: UTF8.self)
    }
}
