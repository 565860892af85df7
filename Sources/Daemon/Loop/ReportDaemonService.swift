import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The daemon as a swift-service-lifecycle `Service`. The work happens on one dedicated thread
/// (`DaemonLoop`) that owns every socket; this type only bridges lifecycle events to it:
/// graceful shutdown (SIGTERM/SIGINT) or cancellation becomes a stop request, SIGHUP a reload.
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

    /// Runs the loop until a graceful shutdown or the task's cancellation asks it to stop; SIGHUP
    /// reloads meanwhile. The reload listener is a child task of this one, so it ends with it.
    public func run() async throws {
        let loop = self.loop
        let reload = reloadConfiguration
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await Self.forwardReloads(to: loop, reading: reload) }
            try await withTaskCancellationOrGracefulShutdownHandler {
                try await loop.runOnOwnThread()
            } onCancelOrGracefulShutdown: {
                loop.commands.post(.stop)
            }
            group.cancelAll()
        }
    }

    /// Each SIGHUP re-reads the configuration and hands it to the loop; a configuration that does
    /// not load is refused with its error and the running one kept. Ends when its task is cancelled.
    private static func forwardReloads(to loop: DaemonLoop, reading reload: @Sendable () throws -> DaemonConfig) async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            do {
                loop.commands.post(.reload(try reload()))
            } catch {
                loop.logger.error("reload refused, keeping the running configuration: \(error)")
            }
        }
    }
}
