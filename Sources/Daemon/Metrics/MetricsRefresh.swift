import Foundation

/// A scrape's request to the loop: refresh the gauges, then signal. The HTTP thread waits for
/// the signal so the gauges it renders are the loop's state of that moment, read by the loop itself.
final class MetricsRefresh: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    func finish() { done.signal() }

    /// False when the loop did not get to it in time (it is stopping, or stuck, which the systemd
    /// watchdog then handles): the scrape shows the gauges of the previous refresh.
    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }
}
