import Foundation

/// The earliest of the loop's timed duties, gathered from parts that keep time on two clocks
/// (wall-clock `Date` for jobs and heartbeats, `ContinuousClock` for the watcher and the
/// supervisor), so the loop can sleep in `zmq_poll` exactly until then.
struct LoopDeadline {
    private let now: Date
    private let instant: ContinuousClock.Instant
    private(set) var earliest: Date?

    init(now: Date = Date(), instant: ContinuousClock.Instant = .now) {
        self.now = now
        self.instant = instant
    }

    mutating func include(_ date: Date?) {
        guard let date else { return }
        earliest = min(earliest ?? date, date)
    }

    mutating func include(_ due: ContinuousClock.Instant?) {
        guard let due else { return }
        let offset = instant.duration(to: due)
        include(now + Double(offset.components.seconds) + Double(offset.components.attoseconds) / 1e18)
    }

    /// Milliseconds to wait from `moment`, rounded up so the wait never ends just short of the
    /// deadline; -1 (wait for input only) when there is none.
    func pollTimeout(from moment: Date = Date()) -> Int {
        guard let earliest else { return -1 }
        let milliseconds = (earliest.timeIntervalSince(moment) * 1000).rounded(.up)
        return Int(max(0, min(milliseconds, Double(Int32.max))))
    }
}
