import Foundation

/// The daemon's timed work (job deadlines, retry back-offs, heartbeats, control requests'
/// patience, the watchdog, the shutdown deadline) runs on `ContinuousClock`, which a wall-clock
/// step (NTP, an administrator, a resumed VM) does not move: on `Date` a step back of an hour
/// held every job an hour past its timeout, a step forward timed them all out at once. Settings
/// give seconds, so instants take them as such. Wall-clock time is only what the store and
/// the feed record (`Date.rfc3339`).
extension ContinuousClock.Instant {
    static func + (instant: Self, seconds: TimeInterval) -> Self {
        instant.advanced(by: .seconds(seconds))
    }

    static func - (instant: Self, seconds: TimeInterval) -> Self {
        instant.advanced(by: .seconds(-seconds))
    }

    /// Seconds from `earlier` to this instant; negative when `earlier` is later.
    func seconds(since earlier: Self) -> TimeInterval {
        let elapsed = earlier.duration(to: self).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
