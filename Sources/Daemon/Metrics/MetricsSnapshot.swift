import Foundation

/// The daemon's state at one moment, as the gauges show it. Gathered on the loop thread from
/// what it keeps in memory (and one count query), so a scrape costs the loop no scan of the store.
struct MetricsSnapshot {
    var queueDepth: [String: Int] = [:]
    /// Seconds the oldest waiting job of each service has waited.
    var oldestQueuedAge: [String: Double] = [:]
    var running: [String: Int] = [:]
    /// Workers by [service, state].
    var workers: [[String]: Double] = [:]
    /// Plugin processes by [plugin, state].
    var pluginProcesses: [[String]: Double] = [:]
    var feed = FeedTotals()
    var storeBytes = 0
    /// Reports by state name.
    var reports: [String: Int] = [:]
    var inboxBacklog = 0

    struct FeedTotals {
        var subscriptions = 0
        var overflows = 0
        var unsent = 0
    }
}
