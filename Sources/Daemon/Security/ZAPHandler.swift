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
    private let directory: URL
    private let alwaysAllowed: [String: String]
    private let logger: Logger
    private var refusals = RefusalLog()
    private var reportedUnreadable: Set<String> = []

    /// `alwaysAllowed` maps keys the daemon trusts without a file (its own plugins') to names.
    init(context: Context, authorizedKeysDirectory: URL, alwaysAllowed: [String: String], logger: Logger) throws {
        socket = try context.socket(.rep)
        try socket.bind(Self.endpoint)
        directory = authorizedKeysDirectory
        self.alwaysAllowed = alwaysAllowed
        self.logger = logger
    }

    /// Answers every queued request and returns the decisions, in order.
    @discardableResult
    func answerPending(now: Date = Date()) -> [ZAPAuthenticator.Decision] {
        var decisions: [ZAPAuthenticator.Decision] = []
        while let frames = try? socket.receiveMultipart(dontWait: true) {
            let keys = AuthorizedKeys.read(directory: directory, alwaysAllowed: alwaysAllowed)
            reportUnreadable(keys.unreadable)
            let decision = ZAPAuthenticator.decide(frames, keys: keys)
            // Logged before answering, so the refusal is on record before the client can learn of it.
            record(decision, now: now)
            do { try socket.send(multipart: decision.replyFrames) } catch {
                logger.error("could not answer a ZAP request: \(error)")
            }
            decisions.append(decision)
        }
        return decisions
    }

    private func record(_ decision: ZAPAuthenticator.Decision, now: Date) {
        let prefix = decision.clientKey.map { String($0.prefix(8)) + "…" } ?? "no key"
        if decision.accepted {
            logger.debug("accepted CURVE client \(decision.userId) (\(prefix)) from \(decision.address)")
            return
        }
        let verdict = refusals.shouldLog(address: decision.address, key: prefix, now: now)
        guard verdict.log else { return }
        let earlier = verdict.suppressed > 0 ? " (\(verdict.suppressed) more refusals since the last message)" : ""
        logger.warning("refused client \(decision.address) with key \(prefix): \(decision.statusText); authorised keys are read from \(directory.path)\(earlier)")
    }

    private func reportUnreadable(_ errors: [CurveKeyFileError]) {
        for error in errors where reportedUnreadable.insert(error.path).inserted {
            logger.warning("ignoring authorised key: \(error)")
        }
    }
}
