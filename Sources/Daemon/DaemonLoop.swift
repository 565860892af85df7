import Foundation
import Logging
import ReportProtocol
import ZMQ

/// What other threads may ask of the loop.
enum LoopCommand {
    case stop
    case reload(DaemonConfig)
}

/// The daemon's one event loop. It owns every socket, the store and the child processes,
/// and waits on all of them at once with `zmq_poll`: the worker ROUTER, the feed XPUB, the
/// control ROUTER, the inotify descriptor and the command mailbox, plus a short timer tick.
final class DaemonLoop: @unchecked Sendable {
    private(set) var configuration: DaemonConfig
    let logger: Logger
    let commands = Mailbox<LoopCommand>()

    private let context: Context
    private let security: DaemonSecurity
    private let broker: Broker
    private let publisher: Publisher
    private let control: ControlServer
    private let pipeline: Pipeline
    private let supervisor: Supervisor
    private let watcher: InboxWatcher
    private let commandsAnswerer: ControlCommands
    private let notifier: SystemdNotifier
    private var stopDeadline: Date? {
        didSet { stopping.isSet = stopDeadline != nil }
    }
    private let stopping: StopFlag
    private var lastWatchdog = Date.distantPast
    private var lastHousekeeping = Date()

    init(configuration: DaemonConfig, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        notifier = SystemdNotifier(logger: logger)
        let layout = InboxLayout(config: configuration)
        try layout.create(logger: logger)
        context = try Context()
        security = try DaemonSecurity(configuration: configuration, context: context, logger: logger)
        let store = try StateStore(path: configuration.dataDir.appendingPathComponent("state.sqlite").path)
        broker = try Broker(context: context, endpoint: configuration.workerEndpoint,
                            heartbeatMilliseconds: configuration.heartbeatMilliseconds,
                            liveness: configuration.liveness, logger: logger, security: security.sockets)
        publisher = try Publisher(context: context, endpoint: configuration.feedEndpoint,
                                  highWaterMark: configuration.feedHighWaterMark, logger: logger, security: security.sockets)
        control = try ControlServer(context: context, endpoint: configuration.controlEndpoint, logger: logger,
                                    security: security.sockets)
        try Self.restrictSocketFiles(of: configuration)
        pipeline = Pipeline(store: store, dispatcher: Dispatcher(jobTimeout: TimeInterval(configuration.jobTimeoutSeconds)),
                            publisher: publisher, workArea: try WorkArea(dataDirectory: configuration.dataDir),
                            layout: layout, policy: Self.policy(configuration), logger: logger)
        supervisor = Supervisor(manifests: configuration.plugins,
                                workerEndpoint: security.pluginEndpoint(workerEndpoint: configuration.workerEndpoint),
                                dataDir: configuration.dataDir,
                                environment: security.pluginEnvironment(workerEndpoint: configuration.workerEndpoint),
                                logger: logger)
        watcher = try InboxWatcher(config: configuration, logger: logger)
        let stopping = StopFlag()
        self.stopping = stopping
        commandsAnswerer = ControlCommands(pipeline: pipeline, broker: broker, supervisor: supervisor,
                                           inbox: configuration.inbox, startedAt: Date(), isStopping: { stopping.isSet })
        let control = self.control
        pipeline.replyToClient = { client, response in control.reply(to: client, response) }
    }

    /// Runs the loop on a thread of its own and returns when it has shut down.
    func runOnOwnThread() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    try self.run()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "reportd-loop"
            thread.start()
        }
    }

    private func run() throws {
        try pipeline.resume()
        supervisor.processExited = { [unowned self] pid, exit in
            for worker in broker.drop(pid: pid) { handle(.lost(worker, reason: .processEnded("\(exit)"))) }
        }
        supervisor.start()
        notifier.ready()
        // The operator's cue (and `make run`'s): everything above is bound and running.
        FileHandle.standardOutput.write(Data("ready: drop reports into \(configuration.inbox.path)\n".utf8))
        logger.info("ready", metadata: ["plugins": "\(configuration.plugins.map(\.name).joined(separator: ","))"])
        var poller = Poller()
        poller.add(broker.socket)
        poller.add(publisher.socket)
        poller.add(control.socket)
        poller.add(fileDescriptor: watcher.fileDescriptor)
        poller.add(fileDescriptor: commands.fileDescriptor)
        let zapIndex = security.zap.map { poller.add($0.socket) }
        while !finishedStopping {
            let ready = try poller.poll(timeoutMilliseconds: 50)
            if ready[0].contains(.readable) { broker.receive().forEach(handle) }
            if ready[1].contains(.readable) { publisher.readSubscriptions() }
            if ready[2].contains(.readable) { control.receive().forEach(answer) }
            if ready[3].contains(.readable) { watcher.drainEvents() }
            if ready[4].contains(.readable) { commands.take().forEach(obey) }
            if let zapIndex, ready[zapIndex].contains(.readable) { security.zap?.answerPending() }
            tick()
        }
        shutDown()
    }

    private func answer(_ request: ControlServer.Request) {
        if let reply = commandsAnswerer.answer(request) { control.reply(to: request.client, reply) }
    }

    private func handle(_ event: BrokerEvent) {
        if case .joined(let worker) = event, let pid = worker.hello.pid {
            supervisor.workerAnnounced(pid: pid)
        }
        pipeline.handle(event)
    }

    private func tick() {
        let now = Date()
        // Reap first: a worker whose process ended is then lost for that reason, not as the
        // peer that the next heartbeat could not reach.
        supervisor.tick()
        if stopDeadline == nil {
            for candidate in watcher.readyFiles() { pipeline.ingest(candidate.file.url) }
        }
        for event in broker.checkLiveness(now: now) {
            handle(event)
            // Silent or unreachable: a frozen process would otherwise keep its plugin slot forever.
            if case .lost(let worker, let reason) = event { replace(worker, because: "went silent (\(reason))") }
        }
        for identity in pipeline.expireLateJobs() {
            if let worker = broker.drop(identity) { replace(worker, because: "timed out on a job") }
        }
        pipeline.answerStaleControlRequests(olderThan: Self.controlRequestPatience)
        if stopDeadline == nil {
            pipeline.dispatcher.dispatch(broker: broker, now: now, request: pipeline.jobRequest)
        }
        keepSystemdInformed(now: now)
        if now.timeIntervalSince(lastHousekeeping) > 60 {
            lastHousekeeping = now
            do { try pipeline.store.trimEvents(keep: configuration.feedHistory) } catch {
                logger.warning("could not trim the event history: \(error)")
            }
        }
    }

    /// A worker that holds a job past its deadline or went silent is stuck: the broker has dropped
    /// it; kill its process so the supervisor restarts it (a remote worker only loses its place).
    private func replace(_ worker: ConnectedWorker, because reason: String) {
        guard let pid = worker.hello.pid, supervisor.kill(pid: pid) else {
            logger.warning("worker \(worker.hello.name) \(reason); dropped it")
            return
        }
        logger.warning("worker \(worker.hello.name) (pid \(pid)) \(reason); replacing it")
    }

    private func obey(_ command: LoopCommand) {
        switch command {
        case .stop:
            guard stopDeadline == nil else { return }
            stopDeadline = Date() + TimeInterval(configuration.shutdownDeadlineSeconds)
            notifier.stopping()
            logger.info("stopping: intake closed, \(pipeline.dispatcher.runningCount) job(s) in flight")
        case .reload(let fresh):
            reload(fresh)
        }
    }

    /// Applies what can change without dropping sockets; endpoint and directory changes need a restart.
    private func reload(_ fresh: DaemonConfig) {
        notifier.reloading()
        // Settings held by sockets, the watcher or the logger when they were made.
        let needRestart: [(String, Bool)] = [
            ("daemon.inbox", fresh.inbox != configuration.inbox),
            ("daemon.data_dir", fresh.dataDir != configuration.dataDir),
            ("daemon.log_level", fresh.logLevel != configuration.logLevel),
            ("feed.endpoint", fresh.feedEndpoint != configuration.feedEndpoint),
            ("feed.high_water_mark", fresh.feedHighWaterMark != configuration.feedHighWaterMark),
            ("daemon.control_endpoint", fresh.controlEndpoint != configuration.controlEndpoint),
            ("daemon.worker_endpoint", fresh.workerEndpoint != configuration.workerEndpoint),
            ("jobs.heartbeat_ms", fresh.heartbeatMilliseconds != configuration.heartbeatMilliseconds),
            ("jobs.liveness", fresh.liveness != configuration.liveness),
            ("watcher.settle_ms", fresh.settleMilliseconds != configuration.settleMilliseconds),
            ("watcher.ignore", fresh.ignorePatterns != configuration.ignorePatterns),
            ("security", fresh.security != configuration.security),
        ]
        let unchangeable = needRestart.filter(\.1).map(\.0)
        if !unchangeable.isEmpty {
            logger.warning("reload: \(unchangeable.joined(separator: ", ")) changed; restart reportd to apply")
        }
        supervisor.reload(manifests: fresh.plugins)
        pipeline.policy = Self.policy(fresh)
        pipeline.dispatcher.jobTimeout = TimeInterval(fresh.jobTimeoutSeconds)
        configuration.plugins = fresh.plugins
        configuration.maxAttempts = fresh.maxAttempts
        configuration.retryBackoffMilliseconds = fresh.retryBackoffMilliseconds
        configuration.jobTimeoutSeconds = fresh.jobTimeoutSeconds
        configuration.feedHistory = fresh.feedHistory
        configuration.shutdownDeadlineSeconds = fresh.shutdownDeadlineSeconds
        configuration.maxFileBytes = fresh.maxFileBytes
        logger.info("configuration reloaded: plugins, jobs.max_attempts, jobs.timeout_seconds, jobs.retry_backoff_ms, feed.history, shutdown.deadline_seconds, watcher.max_file_bytes")
        notifier.ready()
    }

    private var finishedStopping: Bool {
        guard let stopDeadline else { return false }
        if pipeline.dispatcher.isIdle { return true }
        if Date() >= stopDeadline {
            logger.warning("shutdown deadline reached with \(pipeline.dispatcher.runningCount) job(s) in flight; they resume at next start")
            return true
        }
        return false
    }

    private func shutDown() {
        broker.sayGoodbye()
        // What is left of the shutdown deadline, so the whole stop stays within it (and a moment).
        let left = max(1, (stopDeadline ?? Date()).timeIntervalSinceNow)
        supervisor.stopAll(deadline: .milliseconds(Int(left * 1000)))
        broker.socket.close()
        publisher.socket.close()
        control.socket.close()
        security.zap?.socket.close()
        logger.info("stopped")
    }

    private func keepSystemdInformed(now: Date) {
        guard let interval = notifier.watchdogInterval,
              now.timeIntervalSince(lastWatchdog) >= Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        else { return }
        lastWatchdog = now
        notifier.watchdog()
        let counts = (try? pipeline.store.counts()) ?? [:]
        notifier.status("\(counts[.done] ?? 0) done, \(counts[.failed] ?? 0) failed, \(pipeline.dispatcher.queuedCount) queued")
    }

    /// How long a `reportctl` request may wait for a free worker: reportctl itself waits 10 s.
    private static let controlRequestPatience: TimeInterval = 8

    private static func policy(_ configuration: DaemonConfig) -> PipelinePolicy {
        PipelinePolicy(maxAttempts: configuration.maxAttempts,
                       retryBackoff: TimeInterval(configuration.retryBackoffMilliseconds) / 1000,
                       maxFileBytes: configuration.maxFileBytes)
    }

    /// IPC socket files are created with the process umask; only the owner may connect.
    private static func restrictSocketFiles(of configuration: DaemonConfig) throws {
        for endpoint in [configuration.feedEndpoint, configuration.controlEndpoint, configuration.workerEndpoint]
        where endpoint.hasPrefix("ipc://") {
            chmod(String(endpoint.dropFirst("ipc://".count)), 0o700)
        }
    }
}

/// Whether the loop is shutting down, for the parts that only read it.
final class StopFlag {
    var isSet = false
}
