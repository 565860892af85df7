import Foundation
import Logging
import ReportProtocol
import ZMQ

/// The ROUTER side of the worker protocol: who is connected, who is idle, heartbeats both ways.
/// It knows nothing of reports; the dispatcher decides what to send.
final class Broker: WorkerPool {
    let socket: Socket
    private let heartbeatInterval: TimeInterval
    private let liveness: Int
    private let logger: Logger
    private var workers: [[UInt8]: ConnectedWorker] = [:]
    private var lastBeatSent: ContinuousClock.Instant?
    /// Sent in WELCOME so workers log at the daemon's level.
    var logLevel: String?

    init(context: Context, endpoint: String, heartbeatMilliseconds: Int, liveness: Int, logger: Logger,
         security: SocketSecurity = SocketSecurity(credentials: nil)) throws {
        socket = try context.socket(.router)
        try socket.setRouterMandatory(true)
        try security.bind(socket, to: endpoint, for: .workers)
        heartbeatInterval = Double(heartbeatMilliseconds) / 1000
        self.liveness = liveness
        self.logger = logger
    }

    var connectedWorkers: [ConnectedWorker] { Array(workers.values) }

    /// The workers waiting for a job, for the dispatcher to choose from.
    var idleWorkers: IdleWorkers {
        IdleWorkers(workers.values.filter { $0.state == .idle }
            .map { IdleWorkers.Worker(identity: $0.identity, services: $0.hello.services, idleSince: $0.idleSince) })
    }

    func serves(_ service: String) -> Bool {
        workers.values.contains { $0.hello.services.contains(service) }
    }

    /// Sends a job; false when the worker vanished in the meantime (the caller requeues).
    /// An unreachable worker is forgotten at once, so it is not offered the next job too.
    func send(_ job: JobRequest, to identity: [UInt8]) -> Bool {
        guard let worker = workers[identity] else { return false }
        do {
            try socket.send(multipart: [identity] + BrokerMessage.job(job).frames())
        } catch {
            workers[identity] = nil
            logger.warning("worker \(worker.hello.name) is unreachable (\(error)); forgotten", metadata: .report(nil, worker: worker.hello.name))
            return false
        }
        workers[identity]?.state = .busy
        workers[identity]?.currentJob = job.jobId
        return true
    }

    /// Reads everything queued on the socket.
    func receive(now: ContinuousClock.Instant = .now) -> [BrokerEvent] {
        var events: [BrokerEvent] = []
        while let frames = try? socket.receiveMultipart(dontWait: true) {
            guard frames.count >= 2 else { continue }
            let identity = frames[0]
            let body = Array(frames.dropFirst())
            do {
                events += try handle(WorkerMessage.decode(body), from: identity, now: now)
            } catch let error as ProtocolError where error.code == .unsupportedVersion {
                logger.warning("refused a worker: \(error.detail)")
                refuse(identity, reason: error.description)
            } catch {
                logger.warning("unreadable message from a worker: \(error)")
            }
        }
        return events
    }

    /// Sends heartbeats and retires workers that stayed silent for `liveness` intervals.
    func checkLiveness(now: ContinuousClock.Instant = .now) -> [BrokerEvent] {
        var events: [BrokerEvent] = []
        let deadline = heartbeatInterval * Double(liveness)
        for worker in workers.values where now.seconds(since: worker.lastHeard) > deadline {
            workers[worker.identity] = nil
            events.append(.lost(worker, reason: .silent(seconds: deadline)))
        }
        if lastBeatSent.map({ now.seconds(since: $0) >= heartbeatInterval }) ?? true {
            lastBeatSent = now
            for worker in workers.values {
                if (try? socket.send(multipart: [worker.identity] + BrokerMessage.heartbeat.frames(), dontWait: true)) == nil {
                    workers[worker.identity] = nil
                    events.append(.lost(worker, reason: .unreachable))
                }
            }
        }
        return events
    }

    /// When `checkLiveness` next has work: the next heartbeat to send, or the moment the
    /// quietest worker has been silent too long. Nil with no worker connected.
    var nextDeadline: ContinuousClock.Instant? {
        guard let quietest = workers.values.lazy.map(\.lastHeard).min() else { return nil }
        let silentTooLong = quietest + heartbeatInterval * Double(liveness)
        return lastBeatSent.map { min($0 + heartbeatInterval, silentTooLong) } ?? .now
    }

    /// Sends WELCOME again to every worker, after a reload changed `logLevel`.
    func welcomeAgain() {
        let welcome = WorkerWelcome(heartbeatMs: Int(heartbeatInterval * 1000), liveness: liveness, logLevel: logLevel)
        guard let frames = try? BrokerMessage.welcome(welcome).frames() else { return }
        for identity in workers.keys { _ = try? socket.send(multipart: [identity] + frames, dontWait: true) }
    }

    /// Asks every worker to finish and leave, at shutdown.
    func sayGoodbye() {
        for identity in workers.keys {
            _ = try? socket.send(multipart: [identity] + BrokerMessage.bye.frames(), dontWait: true)
        }
    }

    /// Forgets a worker whose process the daemon is about to replace.
    func drop(_ identity: [UInt8]) -> ConnectedWorker? {
        workers.removeValue(forKey: identity)
    }

    /// Records which supervised process a worker is (the supervisor matched its token).
    func bind(_ identity: [UInt8], toProcess pid: Int32) {
        workers[identity]?.processId = pid
    }

    /// Forgets every connection of a process that exited; their jobs must go to other workers.
    func drop(pid: Int32) -> [ConnectedWorker] {
        let gone = workers.values.filter { $0.processId == pid }
        for worker in gone { workers[worker.identity] = nil }
        return gone
    }

    private func handle(_ message: WorkerMessage, from identity: [UInt8], now: ContinuousClock.Instant) throws -> [BrokerEvent] {
        if case .ready(let hello) = message {
            guard hello.protocolVersion == WorkerProtocol.version else {
                refuse(identity, reason: "protocol \(hello.protocolVersion) is not \(WorkerProtocol.version)")
                return []
            }
            let worker = ConnectedWorker(identity: identity, hello: hello, lastHeard: now, idleSince: now)
            let replaced = workers.updateValue(worker, forKey: identity)
            let welcome = WorkerWelcome(heartbeatMs: Int(heartbeatInterval * 1000), liveness: liveness, logLevel: logLevel)
            try socket.send(multipart: [identity] + BrokerMessage.welcome(welcome).frames())
            // A READY from a known identity means the worker reconnected and forgot its job.
            return (replaced.map { [.lost($0, reason: .reconnected)] } ?? []) + [.joined(worker)]
        }
        guard var worker = workers[identity] else {
            // A worker from before a daemon restart: it gets no heartbeats, so it reconnects with READY.
            logger.debug("message from an unknown worker ignored")
            return []
        }
        worker.lastHeard = now
        defer { if workers[identity] != nil { workers[identity] = worker } }
        switch message {
        case .ready, .heartbeat:
            return []
        case .result(let jobId, let body):
            finishJob(&worker, now: now)
            return [.result(jobId: jobId, worker: worker, body: body)]
        case .failure(let jobId, let failure):
            finishJob(&worker, now: now)
            return [.failure(jobId: jobId, worker: worker, failure)]
        case .bye:
            workers[identity] = nil
            return [.lost(worker, reason: .saidGoodbye)]
        }
    }

    private func finishJob(_ worker: inout ConnectedWorker, now: ContinuousClock.Instant) {
        worker.state = .idle
        worker.currentJob = nil
        worker.jobsDone += 1
        worker.idleSince = now
    }

    private func refuse(_ identity: [UInt8], reason: String) {
        _ = try? socket.send(multipart: [identity] + BrokerMessage.refused(reason).frames(), dontWait: true)
    }
}
