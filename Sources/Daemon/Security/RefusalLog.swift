import Foundation

/// Rate-limits the warnings about refused clients: a peer retrying a bad key every 100 ms
/// must not flood the log. Each (address, key) is logged at most once per `interval`; the
/// next line it gets says how many refusals were not logged in between.
struct RefusalLog {
    let interval: TimeInterval
    private var lastLogged: [String: ContinuousClock.Instant] = [:]
    private var suppressed: [String: Int] = [:]

    init(interval: TimeInterval = 60) {
        self.interval = interval
    }

    /// Whether to log this refusal now, and how many earlier ones went unlogged.
    mutating func shouldLog(address: String, key: String, now: ContinuousClock.Instant) -> (log: Bool, suppressed: Int) {
        let peer = "\(address) \(key)"
        if let last = lastLogged[peer], now.seconds(since: last) < interval {
            suppressed[peer, default: 0] += 1
            return (false, 0)
        }
        lastLogged[peer] = now
        return (true, suppressed.removeValue(forKey: peer) ?? 0)
    }
}
