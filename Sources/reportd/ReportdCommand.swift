import ArgumentParser
import Daemon
import ReportProtocol
import Foundation
import Logging
import ReportLogging
import ServiceLifecycle

/// `reportd`: watch an inbox, dispatch reports to worker plugins, publish every result.
@main
struct ReportdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportd",
        abstract: "Turns government work reports dropped into an inbox into parsed, indexed, summarized data on a ZeroMQ feed.",
        version: ReportdVersion.current)

    @Option(help: "TOML config file; without one the embedded defaults apply (see Config/reportd.toml).")
    var config: String?
    @Option(help: "Inbox directory to watch (overrides the config file).")
    var inbox: String?
    @Option(help: "Data directory: state store, index, processed/ and failed/ (overrides the config file).")
    var dataDir: String?
    @Option(help: "Feed endpoint (XPUB), e.g. ipc:///run/reportd/feed.sock or tcp://127.0.0.1:5560.")
    var feed: String?
    @Option(help: "Control endpoint (ROUTER) that reportctl talks to.")
    var control: String?

    /// ArgumentParser prints the error as a plain line, which the journal files as info; under the
    /// journal the reason is written once more as an error, for `journalctl -u reportd -p err`.
    private static func reportToJournal(_ error: Error) {
        let prefix = ReportLogging.startFailurePrefix()
        guard !prefix.isEmpty else { return }
        FileHandle.standardError.write(Data("\(prefix)reportd: cannot start: \(error)\n".utf8))
    }

    func run() async throws {
        let overrides = ConfigOverrides(inbox: inbox, dataDir: dataDir, feed: feed, control: control)
        let configFile = config
        let configuration: DaemonConfig
        do {
            configuration = try DaemonConfig.load(file: configFile, overrides: overrides)
        } catch {
            Self.reportToJournal(error)
            throw ValidationError("\(error)")
        }
        ReportLogging.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
        let logger = Logger(label: "reportd")
        let daemon: ReportDaemon
        do {
            daemon = try ReportDaemon(configuration: configuration, logger: logger) {
                try DaemonConfig.load(file: configFile, overrides: overrides)
            }
        } catch {
            // Logged rather than thrown, so the journal files it as critical and it is said once.
            logger.critical("cannot start: \(error)")
            throw ExitCode.failure
        }
        let endpoints = daemon.endpoints
        let banner = """
            reportd \(ReportdVersion.current)
            inbox:   \(endpoints.inbox)
            feed:    \(endpoints.feed)
            control: \(endpoints.control)
            workers: \(endpoints.workers)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: daemon, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}


