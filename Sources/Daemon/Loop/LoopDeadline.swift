import Foundation

/// The earliest of the loop's timed duties, gathered from its parts, so the loop can sleep in
/// `zmq_poll` exactly until then. Every part keeps time on `ContinuousClock`.
struct LoopDeadline {
    private(set) var earliest: ContinuousClock.Instant?

    mutating func include(_ due: ContinuousClock.Instant?) {
        guard let due else { return }
        earliest = min(earliest ?? due, due)
    }

    /// Milliseconds to wait from `moment`, rounded up so the wait never ends just short of the
    /// deadline; -1 (wait for input only) when there is none.
    func pollTimeout(from moment: ContinuousClock.Instant = .now) -> Int {
        guard let earliest else { return -1 }
        let milliseconds = (earliest.seconds(since: moment) * 1000).rounded(.up)
        return Int(max(0, min(milliseconds, Double(Int32.max))))
    }
}
