/// The lifecycle of one plugin process slot.
enum PluginState: String, Codable, Sendable, Equatable {
    /// Spawned (or about to be), not yet proven healthy.
    case starting
    /// Announced itself to the broker, or outlived the quick-death window.
    case running
    /// Died; waiting out the restart delay.
    case backoff
    /// Died too often too quickly, or cannot be started at all; left alone until a reload.
    case failed
    /// Stopped on purpose (shutdown or removed by a reload).
    case stopped
}

/// One plugin instance as `reportctl status` shows it.
struct PluginStatus: Codable, Sendable, Equatable {
    var name: String
    /// 1-based; also passed to the process as REPORTD_INSTANCE.
    var instance: Int
    var pid: Int32?
    var state: PluginState
    /// How many times this slot was restarted after its process died.
    var restarts: Int
    /// How the last process ended ("exit status 1", "killed by signal 9 (Killed)"), or why it could not start.
    var lastExit: String?

    init(name: String, instance: Int, pid: Int32?, state: PluginState, restarts: Int, lastExit: String?) {
        self.name = name
        self.instance = instance
        self.pid = pid
        self.state = state
        self.restarts = restarts
        self.lastExit = lastExit
    }
}
