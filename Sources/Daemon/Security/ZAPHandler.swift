import Foundation
import Logging
import ZMQ

/// The daemon's ZAP handler: a REP socket on `inproc://zeromq.zap.01` in the daemon's context,
/// which libzmq asks about every CURVE handshake on that context's sockets. The daemon loop
/// polls `socket` and calls `answerPending()`; handshakes wait until it does.
/// It must be bound before any CURVE socket binds, or libzmq lets clients in unchecked.
final class ZAPHandler {
    static let endpoint = "inproc://zeromq.zap.01"

    let socket: Socket
    private let clientKeys: URL
    private let workerKeys: URL
    private let alwaysAllowedWorkers: [String: String]
    private let logger: Logger
    private var refusals = RefusalLog()
    private var reportedUnreadable: Set<String> = []

    /// Each socket's ZAP domain (`SocketSecurity.Audience`) picks the folder its keys come from:
    /// a worker's key opens the worker socket only, a client's key the control socket and the
    /// feed only. `alwaysAllowedWorkers` maps keys trusted without a file (the daemon's own
    /// plugins') to names, on the worker socket.
    init(context: Context, clientKeysDirectory: URL, workerKeysDirectory: URL,
         alwaysAllowedWorkers: [String: String], logger: Logger) throws {
        socket = try context.socket(.rep)
        try socket.bind(Self.endpoint)
        clientKeys = clientKeysDirectory
        workerKeys = workerKeysDirectory
        self.alwaysAllowedWorkers = alwaysAllowedWorkers
        self.logger = logger
    }

    /// The keys let in on a socket of `domain`; none for a domain the daemon never set.
    private func keys(forDomain domain: String) -> (keys: AuthorizedKeys, directory: URL?) {
        switch SocketSecurity.Audience(rawValue: domain) {
        case .clients: (AuthorizedKeys.read(directory: clientKeys), clientKeys)
        case .workers: (AuthorizedKeys.read(directory: workerKeys, alwaysAllowed: alwaysAllowedWorkers), workerKeys)
        case nil: (AuthorizedKeys(), nil)
        }
    }

    /// Answers every queued request and returns the decisions, in order.
    @discardableResult
    func answerPending(now: ContinuousClock.Instant = .now) -> [ZAPAuthenticator.Decision] {
        var decisions: [ZAPAuthenticator.Decision] = []
        while let frames = try? socket.receiveMultipart(dontWait: true) {
            let domain = frames.count > 2 ? String(decoding: frames[2], as: UTF8.self) : ""
            let (keys, directory) = keys(forDomain: domain)
            reportUnreadable(keys.unreadable)
            let decision = ZAPAuthenticator.decide(frames, keys: keys)
            // Logged before answering, so the refusal is on record before the client can learn of it.
            record(decision, directory: directory, misfiled: misfiledIn(domain: domain, key: decision), now: now)
            do { try socket.send(multipart: decision.replyFrames) } catch {
                logger.error("could not answer a ZAP request: \(error)")
            }
            decisions.append(decision)
        }
        return decisions
    }

    /// The other folder, when a refused key is authorised there: a worker key used by reportctl,
    /// or a key left in authorized/ from before worker keys had a folder of their own.
    private func misfiledIn(domain: String, key decision: ZAPAuthenticator.Decision) -> URL? {
        guard !decision.accepted, let key = decision.clientKey else { return nil }
        let other: (SocketSecurity.Audience, URL)? = switch SocketSecurity.Audience(rawValue: domain) {
        case .clients: (.workers, workerKeys)
        case .workers: (.clients, clientKeys)
        case nil: nil
        }
        guard let (audience, directory) = other, keys(forDomain: audience.rawValue).keys.names[key] != nil else { return nil }
        return directory
    }

    private func record(_ decision: ZAPAuthenticator.Decision, directory: URL?, misfiled: URL?, now: ContinuousClock.Instant) {
        let prefix = decision.clientKey.map { String($0.prefix(8)) + "…" } ?? "no key"
        if decision.accepted {
            logger.debug("accepted CURVE client \(decision.userId) (\(prefix)) from \(decision.address)")
            return
        }
        let verdict = refusals.shouldLog(address: decision.address, key: prefix, now: now)
        guard verdict.log else { return }
        let earlier = verdict.suppressed > 0 ? " (\(verdict.suppressed) more refusals since the last message)" : ""
        let whose = directory.map { "authorised keys for this socket are read from \($0.path)" } ?? "unknown ZAP domain"
        let hint = misfiled.map { "; the key is authorised in \($0.path), which opens the other sockets only" } ?? ""
        logger.warning("refused client \(decision.address) with key \(prefix): \(decision.statusText); \(whose)\(hint)\(earlier)")
    }

    private func reportUnreadable(_ errors: [CurveKeyFileError]) {
        for error in errors where reportedUnreadable.insert(error.path).inserted {
            logger.warning("ignoring authorised key: \(error)")
        }
    }
}
