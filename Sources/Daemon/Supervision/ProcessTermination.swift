import Foundation
import Glibc
import Logging

/// A child process and the name it is logged under.
struct LabelledProcess {
    let pid: pid_t
    let label: String
}

/// Ending plugin processes: politely with SIGTERM, then for certain with SIGKILL.
enum ProcessTermination {
    /// Signals the process group the plugin leads (so helpers it spawned go too), falling
    /// back to the process alone.
    static func signal(_ pid: pid_t, _ signal: Int32) {
        if Glibc.kill(-pid, signal) != 0 { _ = Glibc.kill(pid, signal) }
    }

    /// SIGTERM to all, up to `deadline` for them to exit, then SIGKILL to the rest. Blocks,
    /// polling every 20 ms: only for shutdown, when the loop has nothing else to do.
    static func terminate(_ processes: [LabelledProcess], deadline: Duration, logger: Logger) {
        for process in processes { signal(process.pid, SIGTERM) }
        let clock = ContinuousClock()
        var live = waitForExits(processes, until: clock.now + deadline, clock: clock)
        guard !live.isEmpty else { return }
        logger.warning("plugins did not exit in time, killing them",
                       metadata: ["plugins": "\(live.map(\.label).joined(separator: ", "))"])
        for process in live { signal(process.pid, SIGKILL) }
        // SIGKILL cannot be ignored; only a process stuck in the kernel outlives this.
        live = waitForExits(live, until: clock.now + .seconds(5), clock: clock)
        for process in live {
            logger.error("plugin process survived SIGKILL", metadata: ["plugin": "\(process.label)", "pid": "\(process.pid)"])
        }
    }

    private static func waitForExits(_ processes: [LabelledProcess], until end: ContinuousClock.Instant,
                                     clock: ContinuousClock) -> [LabelledProcess] {
        var remaining = processes
        while true {
            remaining.removeAll { ChildReaper.reap($0.pid) != nil }
            if remaining.isEmpty || clock.now >= end { return remaining }
            usleep(20_000)
        }
    }
}

/// Processes of plugins that a reload removed or changed: asked to stop, never restarted,
/// killed if they outstay their grace. Reaped without blocking on every tick.
struct RetiringProcesses {
    private var entries: [(process: LabelledProcess, killAt: ContinuousClock.Instant?)] = []

    var processes: [LabelledProcess] { entries.map(\.process) }
    var killDeadlines: [ContinuousClock.Instant] { entries.compactMap(\.killAt) }

    func contains(plugin name: String) -> Bool { entries.contains { $0.process.label == name } }

    mutating func retire(_ pid: pid_t, plugin name: String, killAt: ContinuousClock.Instant) {
        ProcessTermination.signal(pid, SIGTERM)
        entries.append((LabelledProcess(pid: pid, label: name), killAt))
    }

    mutating func reap(now: ContinuousClock.Instant, logger: Logger) {
        entries.removeAll { ChildReaper.reap($0.process.pid) != nil }
        for index in entries.indices {
            guard let killAt = entries[index].killAt, now >= killAt else { continue }
            let process = entries[index].process
            logger.warning("retired plugin did not exit in time, killing it",
                           metadata: ["plugin": "\(process.label)", "pid": "\(process.pid)"])
            ProcessTermination.signal(process.pid, SIGKILL)
            entries[index].killAt = nil  // signalled once; reaped on a later tick
        }
    }

    mutating func removeAll() { entries = [] }
}
