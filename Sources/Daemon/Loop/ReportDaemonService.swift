import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The daemon as a swift-service-lifecycle `Service`. The work happens on one dedicated thread
/// (`DaemonLoop`) that owns every socket; this type only bridges lifecycle events to it:
/// graceful shutdown (SIGTERM/SIGINT) becomes a stop request, SIGHUP a reload.
public struct ReportDaemon: Service {
    private let loop: DaemonLoop
    private let reloadConfiguration: @Sendable () throws -> DaemonConfig

    /// `reloadConfiguration` re-reads the config file and flags on SIGHUP.
    public init(configuration: DaemonConfig, logger: Logger,
                reloadConfiguration: @escaping @Sendable () throws -> DaemonConfig) throws {
        loop = try DaemonLoop(configuration: configuration, logger: logger)
        self.reloadConfiguration = reloadConfiguration
    }

    /// What the operator needs to connect: printed at start.
    public var endpoints: (inbox: String, feed: String, control: String, workers: String) {
        (loop.configuration.inbox.path, loop.configuration.feedEndpoint, loop.configuration.controlEndpoint,
         loop.configuration.workerEndpoint)
    }

    public func run() async throws {
        let loop = self.loop
        let reload = reloadConfiguration
        let reloads = Task {
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                do {
                    loop.commands.post(.reload(try reload()))
                } catch {
                    loop.logger.error("reload refused, keeping the running configuration: \(error)")
                }
            }
        }
        defer { reloads.cancel() }
        try await withGracefulShutdownHandler {
            try await loop.runOnOwnThread()
        } onGracefulShutdown: {
            loop.commands.post(.stop)
        }
    }
}
