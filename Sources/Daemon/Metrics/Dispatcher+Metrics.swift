import Foundation

extension Dispatcher {
    /// Seconds the oldest waiting item of each service has waited (back-off included: a retry
    /// keeps the time it was first queued). A scan of the queues, done only when metrics are read.
    func oldestQueuedAge(now: ContinuousClock.Instant = .now) -> [String: Double] {
        var oldest: [String: ContinuousClock.Instant] = [:]
        for (service, queue) in queues {
            if let first = queue.lazy.map(\.queuedAt).min() { oldest[service] = first }
        }
        for item in delayed { oldest[item.service] = min(oldest[item.service] ?? item.queuedAt, item.queuedAt) }
        return oldest.mapValues { max(0, now.seconds(since: $0)) }
    }

    /// Jobs sent and not yet answered, by service.
    var runningByService: [String: Int] {
        running.values.reduce(into: [:]) { $0[$1.item.service, default: 0] += 1 }
    }
}
