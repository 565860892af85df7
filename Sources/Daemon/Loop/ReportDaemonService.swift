import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import ZMQ

/// The daemon as a swift-service-lifecycle `Service`. The work happens on one dedicated thread
/// (`DaemonLoop`) that owns every socket; this type only bridges lifecycle events to it:
/// graceful shutdown (SIGTERM/SIGINT) or cancellation becomes a stop request, SIGHUP a reload.
public struct ReportDaemon: Service {
    private let loop: LoopHandoff
    private let commands: Mailbox<LoopCommand>
    private let logger: Logger
    private let configuration: DaemonConfig
    private let reloadConfiguration: @Sendable () throws -> DaemonConfig

    /// `reloadConfiguration` re-reads the config file and flags on SIGHUP.
    public init(configuration: DaemonConfig, logger: Logger,
                reloadConfiguration: @escaping @Sendable () throws -> DaemonConfig) throws {
        let loop = try DaemonLoop(configuration: configuration, logger: logger)
        commands = loop.commands
        self.loop = LoopHandoff(loop)
        self.logger = logger
        self.configuration = configuration
        self.reloadConfiguration = reloadConfiguration
    }

    /// What the operator needs to connect: printed at start.
    public var endpoints: (inbox: String, feed: String, control: String, workers: String) {
        (configuration.inbox.path, configuration.feedEndpoint, configuration.controlEndpoint, configuration.workerEndpoint)
    }

    /// Runs the loop until a graceful shutdown or the task's cancellation asks it to stop; SIGHUP
    /// reloads meanwhile. The reload listener is a child task of this one, so it ends with it.
    public func run() async throws {
        let (loop, commands, logger, reload) = (self.loop, self.commands, self.logger, reloadConfiguration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await Self.forwardReloads(to: commands, logger: logger, reading: reload) }
            try await withTaskCancellationOrGracefulShutdownHandler {
                try await loop.runOnOwnThread()
            } onCancelOrGracefulShutdown: {
                commands.post(.stop)
            }
            group.cancelAll()
        }
    }

    /// Each SIGHUP re-reads the configuration and hands it to the loop; a configuration that does
    /// not load is refused with its error and the running one kept. Ends when its task is cancelled.
    private static func forwardReloads(to commands: Mailbox<LoopCommand>, logger: Logger,
                                       reading reload: @Sendable () throws -> DaemonConfig) async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            do {
                commands.post(.reload(try reload()))
            } catch {
                logger.error("reload refused, keeping the running configuration: \(error)")
            }
        }
    }
}
