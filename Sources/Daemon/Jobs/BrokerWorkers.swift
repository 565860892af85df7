import Foundation
import ReportProtocol

/// A worker connected to the broker, as the broker sees it.
struct ConnectedWorker {
    enum State: String { case idle, busy }

    let identity: [UInt8]
    let hello: WorkerHello
    var state: State = .idle
    var currentJob: String?
    var lastHeard: ContinuousClock.Instant
    var jobsDone = 0
    /// The process the supervisor started for this worker, proven by its READY's token; nil for
    /// a remote worker. The only pid the daemon ever signals for a worker.
    var processId: Int32?
    /// Round-robin order among idle workers: the one idle longest gets the next job.
    var idleSince: ContinuousClock.Instant

    var identityText: String { identity.map { String(format: "%02x", $0) }.joined() }
}

/// What the broker tells the loop after reading its socket or checking liveness.
enum BrokerEvent {
    case joined(ConnectedWorker)
    case result(jobId: String, worker: ConnectedWorker, body: [UInt8])
    case failure(jobId: String, worker: ConnectedWorker, JobFailure)
    /// The worker said BYE, went silent, or became unreachable; its job (if any) must be retried.
    case lost(ConnectedWorker, reason: WorkerLoss)
}

/// Why the broker stopped counting on a worker.
enum WorkerLoss: CustomStringConvertible {
    case saidGoodbye
    case silent(seconds: TimeInterval)
    case unreachable
    /// It sent READY again: a new session, the old one's job is lost.
    case reconnected
    /// The supervisor reaped its process (exit status or signal).
    case processEnded(String)

    var description: String {
        switch self {
        case .saidGoodbye: "said goodbye"
        case .silent(let seconds): "no heartbeat for \(String(format: "%.1f", seconds)) s"
        case .unreachable: "unreachable"
        case .reconnected: "reconnected"
        case .processEnded(let exit): "its process ended (\(exit))"
        }
    }
}
