import Foundation

/// The workers free for a job at one moment, as the broker saw them: the dispatcher takes from
/// it without touching a socket, and the loop sends what it assigned.
struct IdleWorkers {
    struct Worker {
        let identity: [UInt8]
        let services: [String]
        let idleSince: ContinuousClock.Instant
    }

    private var workers: [Worker]

    init(_ workers: [Worker]) {
        self.workers = workers
    }

    var isEmpty: Bool { workers.isEmpty }

    /// Takes the longest-idle worker serving `service`; it is not offered again.
    mutating func take(for service: String) -> [UInt8]? {
        let serving = workers.indices.filter { workers[$0].services.contains(service) }
        guard let index = serving.min(by: { workers[$0].idleSince < workers[$1].idleSince }) else { return nil }
        return workers.remove(at: index).identity
    }
}
