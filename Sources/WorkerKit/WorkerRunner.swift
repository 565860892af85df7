#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import ReportLogging
import ReportProtocol
import ZMQ

/// Set from the signal handler; the poll loop reads it after EINTR or its next tick.
nonisolated(unsafe) private var stopSignalled: sig_atomic_t = 0

/// Connects a plugin to the broker and serves jobs until told to stop.
///
/// The socket lives on the calling thread. Each job runs on its own thread so heartbeats keep
/// flowing while it works: a job that hangs is caught by the broker's job timeout, a process
/// that hangs entirely by the missing heartbeats.
final class WorkerRunner<Plugin: WorkerPlugin> {
    private typealias Outcome = (jobId: String, message: WorkerMessage)

    private let plugin: Plugin
    /// What this process announces: the plugin's services, or those the daemon assigned it.
    private let services: [String]
    private let endpoint: String
    private let curve: CurveClientCredentials?
    private let logger: Logger
    private let context: Context
    private let finished = Mailbox<Outcome>()

    private var socket: Socket
    /// Handshake events of `socket` when it uses CURVE: the only sign of a refused key.
    private var monitor: Socket?
    private var heartbeatInterval: TimeInterval = 1
    private var liveness = 5
    private var lastHeardFromBroker = Date()
    private var lastBeatSent = Date.distantPast
    private var runningJob: String?
    private var stopping = false
    /// The broker said BYE: it has given up on any running job, so there is nothing to wait for.
    private var leaveNow = false
    /// Set when the daemon started this process: the worker leaves when that parent is gone,
    /// even if it died by SIGKILL and could not say goodbye.
    private let supervisingParent: pid_t? =
        ProcessInfo.processInfo.environment["REPORTD_INSTANCE"] != nil ? getppid() : nil

    init(plugin: Plugin, services: [String], endpoint: String, curve: CurveClientCredentials?, logger: Logger) throws {
        self.plugin = plugin
        self.services = services
        self.endpoint = endpoint
        // The daemon never serves CURVE on ipc or inproc, so keys only matter for tcp://.
        self.curve = endpoint.hasPrefix("tcp://") ? curve : nil
        self.logger = logger
        context = try Context()
        socket = try context.socket(.dealer)
    }

    func run() throws {
        signal(SIGTERM) { _ in stopSignalled = 1 }
        signal(SIGINT) { _ in stopSignalled = 1 }
        try connect()
        while !(stopping && (runningJob == nil || leaveNow)) {
            if stopSignalled != 0 && !stopping { beginStopping() }
            var poller = Poller()
            poller.add(socket)
            poller.add(fileDescriptor: finished.fileDescriptor)
            if let monitor { poller.add(monitor) }
            let ready = try poller.poll(timeoutMilliseconds: Int(heartbeatInterval * 1000 / 2))
            if ready[0].contains(.readable) { try drainBroker() }
            if ready[1].contains(.readable) { try sendOutcomes() }
            if ready.count > 2, ready[2].contains(.readable) { try checkHandshakes() }
            try keepAlive()
        }
        _ = try? socket.send(multipart: WorkerMessage.bye.frames(), dontWait: true)
        socket.close()
        monitor?.close()
        logger.debug("stopped")
    }

    private func connect() throws {
        try socket.setLinger(milliseconds: 1000)
        // The daemon's `daemon.max_message_bytes`, handed to the plugins it starts: a job larger
        // than any the daemon may send is a broken peer, dropped before it fills memory.
        if let limit = ProcessInfo.processInfo.environment["REPORTD_MAX_MESSAGE_BYTES"].flatMap(Int.init), limit > 0 {
            try socket.setMaxMessageSize(limit)
        }
        try socket.useCurve(curve, for: endpoint)
        monitor?.close()
        monitor = curve == nil ? nil : try socket.monitorHandshakes()
        try socket.connect(endpoint)
        let hello = WorkerHello(name: plugin.name, version: plugin.version, services: services, pid: getpid(),
                                token: ProcessInfo.processInfo.environment["REPORTD_WORKER_TOKEN"])
        try socket.send(multipart: WorkerMessage.ready(hello).frames())
        lastHeardFromBroker = Date()
        logger.debug("connected to \(endpoint) for \(services)\(curve == nil ? "" : " with CURVE")")
    }

    /// A refused key will not be accepted by retrying: stop with the key to authorise.
    private func checkHandshakes() throws {
        while let event = try monitor?.receiveMonitorEvent() {
            if event.isAuthenticationFailure, let curve {
                throw CurveKeyRefused(endpoint: endpoint, publicKey: curve.keys.publicKey, status: event.value)
            }
        }
    }

    /// A broker that fell silent has restarted or died: start over with a fresh socket, as MDP does.
    private func reconnect() throws {
        let hint = curve == nil ? "" : " (with CURVE, check that REPORTD_CURVE_SERVER_KEY is the daemon's public key)"
        logger.warning("broker at \(endpoint) silent for \(liveness) heartbeats; reconnecting\(hint)")
        socket.close()
        socket = try context.socket(.dealer)
        try connect()
    }

    private func beginStopping() {
        stopping = true
        logger.debug("stop requested; finishing \(runningJob ?? "no job")")
    }

    private func drainBroker() throws {
        while let frames = try socket.receiveMultipart(dontWait: true) {
            lastHeardFromBroker = Date()
            let message: BrokerMessage
            do {
                message = try BrokerMessage.decode(frames)
            } catch {
                logger.error("unreadable message from broker: \(error)")
                continue
            }
            switch message {
            case .welcome(let welcome):
                heartbeatInterval = max(0.05, Double(welcome.heartbeatMs) / 1000)
                liveness = max(2, welcome.liveness)
                followDaemonLogLevel(welcome.logLevel)
            case .heartbeat:
                break
            case .job(let job):
                start(job)
            case .refused(let reason):
                throw JobFailure(reason: "broker refused \(plugin.name): \(reason)", retryable: false)
            case .bye:
                leaveNow = true
                beginStopping()
            }
        }
    }

    /// A worker the daemon started logs at the daemon's level, which a reload may change; a worker
    /// started by hand keeps the REPORTD_LOG_LEVEL it was given and follows the daemon only without one.
    private func followDaemonLogLevel(_ name: String?) {
        guard let level = ReportLogging.level(named: name), level != ReportLogging.levelSwitch.level else { return }
        let environment = ProcessInfo.processInfo.environment
        guard environment["REPORTD_INSTANCE"] != nil || environment[ReportLogging.levelVariable] == nil else { return }
        ReportLogging.levelSwitch.level = level
        logger.notice("log level is now \(level.rawValue), as the daemon's")
    }

    private func start(_ job: JobRequest) {
        guard runningJob == nil, !stopping else {
            // The broker sends one job at a time; a second one is its mistake, so hand it back.
            let failure = JobFailure(reason: "\(plugin.name) is busy with \(runningJob ?? "shutdown")", retryable: true)
            _ = try? socket.send(multipart: WorkerMessage.failure(jobId: job.jobId, failure).frames())
            return
        }
        runningJob = job.jobId
        let plugin = self.plugin
        let finished = self.finished
        Thread.detachNewThread {
            finished.post((job.jobId, Self.outcome(of: job, by: plugin)))
        }
    }

    private static func outcome(of job: JobRequest, by plugin: Plugin) -> WorkerMessage {
        do {
            return .result(jobId: job.jobId, body: try plugin.handle(job))
        } catch let failure as JobFailure {
            return .failure(jobId: job.jobId, failure)
        } catch {
            return .failure(jobId: job.jobId, JobFailure(reason: "\(error)", retryable: true))
        }
    }

    private func sendOutcomes() throws {
        for outcome in finished.take() {
            try socket.send(multipart: outcome.message.frames())
            if runningJob == outcome.jobId { runningJob = nil }
        }
    }

    private func keepAlive() throws {
        if let supervisingParent, getppid() != supervisingParent, !stopping {
            logger.warning("the daemon that started this worker is gone; stopping")
            beginStopping()
        }
        let now = Date()
        if now.timeIntervalSince(lastBeatSent) >= heartbeatInterval {
            try socket.send(multipart: WorkerMessage.heartbeat.frames(), dontWait: true)
            lastBeatSent = now
        }
        // A new session while a job runs would be offered a second job; it waits for the first
        // to end (its answer then goes to the old session and is ignored if that is gone).
        if !stopping, runningJob == nil, now.timeIntervalSince(lastHeardFromBroker) > heartbeatInterval * Double(liveness) {
            try reconnect()
        }
    }
}

/// The daemon's ZAP handler turned this worker's key away; retrying cannot help until it is authorised.
struct CurveKeyRefused: Error, CustomStringConvertible {
    let endpoint: String
    let publicKey: String
    let status: Int32
    var description: String {
        "the daemon at \(endpoint) refused this worker's CURVE key \(publicKey) (ZAP status \(status)): "
            + "copy its public key file (NAME.key) into the daemon's authorised keys folder"
    }
}
