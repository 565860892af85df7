import Foundation
import Logging
import ReportLogging
import ReportProtocol
import ZMQ

/// What other threads may ask of the loop.
enum LoopCommand {
    case stop
    case reload(DaemonConfig)
    /// A scrape of /metrics wants the gauges refreshed.
    case refreshMetrics(MetricsRefresh)
    /// The query thread's answer to a control client, for the loop to send on its socket.
    case answerClient(client: [UInt8], reply: ControlReply)
}

/// The daemon's one event loop. It owns every socket, the store and the child processes,
/// and waits on all of them at once with `zmq_poll`: the worker ROUTER, the feed XPUB, the
/// control ROUTER, the inotify descriptor, the command mailbox and the children's exits. It
/// sleeps until input arrives or the earliest timed duty is due (a settle wait, a retry's
/// back-off, a heartbeat, a job's timeout), never on a fixed tick: a report's path through the
/// daemon waits on no timer.
///
/// Not `Sendable`: built on the caller's thread, it is handed once to the thread that runs it
/// (`LoopHandoff`), and other threads reach it only through `commands`.
final class DaemonLoop {
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
    private let queries: QueryService
    private let notifier: SystemdNotifier
    private let observability: DaemonObservability
    private var stopDeadline: ContinuousClock.Instant? {
        didSet { stopping.isSet = stopDeadline != nil }
    }
    private let stopping: StopFlag
    private var lastWatchdog: ContinuousClock.Instant?
    private var lastHousekeeping = ContinuousClock.now
    private let childExits = ChildExitWatch()
    /// When the timed duties are next due; they are skipped on wake-ups before it, and on every
    /// wake-up when nothing is timed.
    private var nextTimedDuty: ContinuousClock.Instant? = .now

    init(configuration: DaemonConfig, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        notifier = SystemdNotifier(logger: logger)
        let layout = InboxLayout(config: configuration)
        try layout.create(logger: logger)
        context = try Context()
        security = try DaemonSecurity(configuration: configuration, context: context, logger: logger)
        let storePath = configuration.layout.store.path
        let store = try StateStore(path: storePath)
        broker = try Broker(context: context, endpoint: configuration.workerEndpoint,
                            heartbeatMilliseconds: configuration.heartbeatMilliseconds,
                            liveness: configuration.liveness, logger: logger, security: security.sockets)
        publisher = try Publisher(context: context, endpoint: configuration.feedEndpoint,
                                  highWaterMark: configuration.feedHighWaterMark, logger: logger, security: security.sockets)
        control = try ControlServer(context: context, endpoint: configuration.controlEndpoint, logger: logger,
                                    security: security.sockets)
        try Self.restrictSocketFiles(of: configuration)
        pipeline = Pipeline(store: store, workArea: try WorkArea(dataDirectory: configuration.dataDir), layout: layout,
                            publisher: publisher,
                            machine: PipelineMachine(policy: Self.policy(configuration),
                                                     dispatcher: Dispatcher(jobTimeout: TimeInterval(configuration.jobTimeoutSeconds))),
                            logger: logger)
        supervisor = Supervisor(manifests: configuration.plugins,
                                workerEndpoint: security.pluginEndpoint(workerEndpoint: configuration.workerEndpoint),
                                dataDir: configuration.dataDir,
                                environment: security.pluginEnvironment(workerEndpoint: configuration.workerEndpoint)
                                    .merging(ReportLogging.environment(level: configuration.logLevel, format: configuration.logFormat)) { _, log in log }
                                    .merging(["REPORTD_MAX_MESSAGE_BYTES": "\(configuration.maxMessageBytes)"]) { _, own in own },
                                logger: logger)
        watcher = try InboxWatcher(config: configuration, logger: logger)
        broker.logLevel = configuration.logLevel.rawValue
        let observability = try DaemonObservability(configuration: configuration, pipeline: pipeline, broker: broker,
                                                    supervisor: supervisor, watcher: watcher, commands: commands, logger: logger)
        self.observability = observability
        let stopping = StopFlag()
        self.stopping = stopping
        let mailbox = self.commands
        let queries = try QueryService(storePath: storePath, timeoutMilliseconds: configuration.queryTimeoutMilliseconds,
                                   logger: logger) { client, reply in mailbox.post(.answerClient(client: client, reply: reply)) }
        self.queries = queries
        commandsAnswerer = ControlCommands(store: store, pipeline: pipeline, broker: broker, supervisor: supervisor,
                                           inbox: configuration.inbox, startedAt: Date(), metricsText: observability.text,
                                           ignorePatterns: configuration.ignorePatterns,
                                           replayPageBytes: configuration.replayPageBytes, queries: queries,
                                           isStopping: { stopping.isSet })
    }

    /// Runs until a stop request has been carried out; on the loop's own thread only.
    func run() throws {
        try pipeline.resume()
        supervisor.processExited = { [unowned self] pid, exit in
            for worker in broker.drop(pid: pid) { handle(.lost(worker, reason: .processEnded("\(exit)"))) }
        }
        supervisor.start()
        observability.start()
        queries.start()
        notifier.ready()
        // The operator's cue (and `make run`'s): everything above is bound and running.
        FileHandle.standardOutput.write(Data("ready: drop reports into \(configuration.inbox.path)\n".utf8))
        logger.info("ready", metadata: ["plugins": "\(configuration.plugins.map(\.name).joined(separator: ","))"])
        var sockets = Poller()
        let brokerIndex = sockets.add(broker.socket)
        let feedIndex = sockets.add(publisher.socket)
        let controlIndex = sockets.add(control.socket)
        let inboxIndex = sockets.add(fileDescriptor: watcher.fileDescriptor)
        let commandsIndex = sockets.add(fileDescriptor: commands.fileDescriptor)
        let zapIndex = security.zap.map { sockets.add($0.socket) }
        // The children's pidfds follow the fixed items; they change as plugins come and go.
        let exitsFrom = (zapIndex ?? commandsIndex) + 1
        var poller = sockets
        var timeout = 0
        while !finishedStopping {
            if watchChildExits() {
                poller = sockets
                for descriptor in childExits.descriptors { poller.add(fileDescriptor: descriptor) }
            }
            let ready = try poller.poll(timeoutMilliseconds: timeout)
            if ready[brokerIndex].contains(.readable) { broker.receive().forEach { handle($0) } }
            if ready[feedIndex].contains(.readable) { publisher.readSubscriptions() }
            if ready[controlIndex].contains(.readable) { control.receive().forEach(answer) }
            let inboxChanged = ready[inboxIndex].contains(.readable)
            if inboxChanged { watcher.drainEvents() }
            if ready[commandsIndex].contains(.readable) { commands.take().forEach(obey) }
            if let zapIndex, ready[zapIndex].contains(.readable) { security.zap?.answerPending() }
            let childExited = ready[exitsFrom...].contains { $0.contains(.readable) }
            afterWake(inboxChanged: inboxChanged, childExited: childExited)
            timeout = scheduleTimedDuties().pollTimeout()
        }
        shutDown()
    }

    private func answer(_ request: ControlServer.Request) {
        if let reply = commandsAnswerer.answer(request) { control.reply(to: request.client, reply) }
    }

    /// Turns what the broker heard into the pipeline's events; who joined and who was lost is logged here.
    private func handle(_ event: BrokerEvent, now: ContinuousClock.Instant = .now) {
        switch event {
        case .joined(let worker):
            if let pid = supervisor.workerAnnounced(token: worker.hello.token) { broker.bind(worker.identity, toProcess: pid) }
            logger.info("worker \(worker.hello.name) \(worker.hello.version) joined for \(worker.hello.services.joined(separator: ", "))",
                        metadata: .report(nil, worker: worker.hello.name))
        case .result(let jobId, let worker, let body):
            pipeline.handle(.result(jobId: jobId, worker: worker.identity, body: body, now: now))
        case .failure(let jobId, let worker, let failure):
            pipeline.handle(.failure(jobId: jobId, worker: worker.identity, failure, now: now))
        case .lost(let worker, let reason):
            let heldJobs = pipeline.dispatcher.running.values.contains { $0.worker == worker.identity }
            if !heldJobs, case .saidGoodbye = reason { return }
            logger.warning("worker \(worker.hello.name) (pid \(worker.hello.pid.map(String.init) ?? "?")) lost: \(reason)",
                           metadata: .report(nil, worker: worker.hello.name))
            pipeline.handle(.workerLost(worker: worker.identity, reason: "worker \(worker.hello.name) lost: \(reason)", now: now))
        }
    }

    /// What follows every wake-up: the timed duties if they are due (or a child exited), new
    /// inbox files, then dispatch, so work enqueued by anything above goes out before sleeping.
    private func afterWake(inboxChanged: Bool, childExited: Bool) {
        let now = ContinuousClock.now
        let due = nextTimedDuty.map { now >= $0 } ?? false
        if due || childExited {
            // Reap first: a worker whose process ended is then lost for that reason, not as the
            // peer that the next heartbeat could not reach.
            supervisor.tick()
        }
        if stopDeadline == nil, inboxChanged || due {
            for file in watcher.readyFiles() { pipeline.ingest(file.url) }
        }
        if due { performTimedDuties(now: now) }
        // One transaction for every report this wake-up touched, committed before anything it
        // announces is published; then the work it queued goes out.
        pipeline.commit(now: now)
        if stopDeadline == nil { pipeline.dispatch(to: broker, now: now) }
        for (client, response) in pipeline.takeReplies() { control.reply(to: client, response) }
    }

    private func performTimedDuties(now: ContinuousClock.Instant) {
        for event in broker.checkLiveness(now: now) {
            handle(event, now: now)
            // Silent or unreachable: a frozen process would otherwise keep its plugin slot forever.
            if case .lost(let worker, let reason) = event { replace(worker, because: "went silent (\(reason))") }
        }
        pipeline.handle(.tick(now: now, controlPatience: Self.controlRequestPatience))
        for identity in pipeline.takeStuckWorkers() {
            if let worker = broker.drop(identity) { replace(worker, because: "timed out on a job") }
        }
        keepSystemdInformed(now: now)
        if now.seconds(since: lastHousekeeping) > Self.housekeepingInterval {
            lastHousekeeping = now
            do { try pipeline.store.trimEvents(keep: configuration.feedHistory) } catch {
                logger.warning("could not trim the event history: \(error)")
            }
        }
    }

    /// Follows the supervisor's processes (started, restarted, reaped since the last wake-up);
    /// true when the descriptors to poll changed.
    private func watchChildExits() -> Bool {
        childExits.watch(only: supervisor.processIds)
    }

    /// Finds when the loop must next wake without input, and remembers it for `afterWake`.
    private func scheduleTimedDuties() -> LoopDeadline {
        var deadline = LoopDeadline()
        let intakeOpen = stopDeadline == nil
        deadline.include(supervisor.nextDeadline)
        // Once stopping, inbox files and retries wait for the next start: their deadlines are moot.
        if intakeOpen { deadline.include(watcher.nextDeadline) }
        deadline.include(broker.nextDeadline)
        deadline.include(pipeline.dispatcher.nextDeadline(controlPatience: Self.controlRequestPatience,
                                                          retries: intakeOpen))
        deadline.include(nextWatchdog)
        deadline.include(lastHousekeeping + Self.housekeepingInterval)
        deadline.include(stopDeadline)
        // Without pidfds a child's exit gives no input: look for it often enough.
        if !childExits.isAvailable { deadline.include(ContinuousClock.now + 0.05) }
        nextTimedDuty = deadline.earliest
        return deadline
    }

    /// A worker that holds a job past its deadline or went silent is stuck: the broker has dropped
    /// it; kill its process so the supervisor restarts it (a remote worker only loses its place).
    private func replace(_ worker: ConnectedWorker, because reason: String) {
        guard let pid = worker.processId, supervisor.kill(pid: pid) else {
            logger.warning("worker \(worker.hello.name) \(reason); dropped it", metadata: .report(nil, worker: worker.hello.name))
            return
        }
        logger.warning("worker \(worker.hello.name) (pid \(pid)) \(reason); replacing it", metadata: .report(nil, worker: worker.hello.name))
    }

    private func obey(_ command: LoopCommand) {
        switch command {
        case .stop:
            guard stopDeadline == nil else { return }
            stopDeadline = ContinuousClock.now + TimeInterval(configuration.shutdownDeadlineSeconds)
            notifier.stopping()
            logger.info("stopping: intake closed, \(pipeline.dispatcher.runningCount) job(s) in flight")
        case .reload(let fresh):
            reload(fresh)
        case .refreshMetrics(let refresh):
            observability.collector.refresh()
            refresh.finish()
        case .answerClient(let client, let reply):
            control.reply(to: client, reply)
        }
    }

    /// Applies what can change without dropping sockets; endpoint and directory changes need a restart.
    private func reload(_ fresh: DaemonConfig) {
        notifier.reloading()
        // Settings held by sockets, the watcher or the logger when they were made.
        let needRestart: [(String, Bool)] = [
            ("daemon.inbox", fresh.inbox != configuration.inbox),
            ("daemon.data_dir", fresh.dataDir != configuration.dataDir),
            ("daemon.log_format", fresh.logFormat != configuration.logFormat),
            ("metrics", fresh.metrics != configuration.metrics),
            ("feed.endpoint", fresh.feedEndpoint != configuration.feedEndpoint),
            ("feed.high_water_mark", fresh.feedHighWaterMark != configuration.feedHighWaterMark),
            ("feed.replay_page_bytes", fresh.replayPageBytes != configuration.replayPageBytes),
            ("control.query_timeout_ms", fresh.queryTimeoutMilliseconds != configuration.queryTimeoutMilliseconds),
            ("daemon.max_message_bytes", fresh.maxMessageBytes != configuration.maxMessageBytes),
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
        var fresh = fresh
        if fresh.maxMessageBytes != configuration.maxMessageBytes {
            // Every socket's ZMQ_MAXMSGSIZE and the plugins' limit were fixed at start from the file
            // limit: a larger file would be dropped by libzmq on its way to the parser (found in review).
            logger.warning("reload: watcher.max_file_bytes \(fresh.maxFileBytes) needs daemon.max_message_bytes \(fresh.maxMessageBytes), but \(configuration.maxMessageBytes) is in force; keeping max_file_bytes \(configuration.maxFileBytes) until a restart")
            fresh.maxFileBytes = configuration.maxFileBytes
            fresh.maxMessageBytesSetting = configuration.maxMessageBytesSetting
        }
        supervisor.reload(manifests: fresh.plugins)
        pipeline.policy = Self.policy(fresh)
        pipeline.jobTimeout = TimeInterval(fresh.jobTimeoutSeconds)
        configuration.plugins = fresh.plugins
        configuration.maxAttempts = fresh.maxAttempts
        configuration.retryBackoffMilliseconds = fresh.retryBackoffMilliseconds
        configuration.jobTimeoutSeconds = fresh.jobTimeoutSeconds
        configuration.feedHistory = fresh.feedHistory
        configuration.shutdownDeadlineSeconds = fresh.shutdownDeadlineSeconds
        configuration.maxFileBytes = fresh.maxFileBytes
        applyLogLevel(fresh.logLevel)
        logger.info("configuration reloaded; these take effect now (others need a restart): daemon.log_level, plugins, jobs.max_attempts, jobs.timeout_seconds, jobs.retry_backoff_ms, feed.history, shutdown.deadline_seconds, watcher.max_file_bytes")
        notifier.ready()
    }

    /// The daemon's handlers read the shared switch; running workers hear it in a fresh WELCOME.
    private func applyLogLevel(_ level: Logger.Level) {
        guard level != configuration.logLevel else { return }
        logger.notice("log level \(configuration.logLevel.rawValue) → \(level.rawValue)")
        configuration.logLevel = level
        ReportLogging.levelSwitch.level = level
        broker.logLevel = level.rawValue
        broker.welcomeAgain()
    }

    private var finishedStopping: Bool {
        guard let stopDeadline else { return false }
        if pipeline.dispatcher.isIdle { return true }
        if ContinuousClock.now >= stopDeadline {
            logger.warning("shutdown deadline reached with \(pipeline.dispatcher.runningCount) job(s) in flight; they resume at next start")
            return true
        }
        return false
    }

    private func shutDown() {
        observability.stop()
        queries.stop()
        broker.sayGoodbye()
        // What is left of the shutdown deadline, so the whole stop stays within it (and a moment).
        let left = max(.seconds(1), ContinuousClock.now.duration(to: stopDeadline ?? .now))
        supervisor.stopAll(deadline: left)
        broker.socket.close()
        publisher.socket.close()
        control.socket.close()
        security.zap?.socket.close()
        logger.info("stopped")
    }

    private var nextWatchdog: ContinuousClock.Instant? {
        notifier.watchdogInterval.map { interval in lastWatchdog.map { $0 + interval } ?? .now }
    }

    private func keepSystemdInformed(now: ContinuousClock.Instant) {
        guard let due = nextWatchdog, now >= due else { return }
        lastWatchdog = now
        notifier.watchdog()
        let counts = (try? pipeline.store.counts()) ?? [:]
        notifier.status("\(counts[.done] ?? 0) done, \(counts[.failed] ?? 0) failed, \(pipeline.dispatcher.queuedCount) queued")
    }

    /// How long a `reportctl` request may wait for a free worker: reportctl itself waits 10 s.
    private static let controlRequestPatience: TimeInterval = 8
    private static let housekeepingInterval: TimeInterval = 60

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
