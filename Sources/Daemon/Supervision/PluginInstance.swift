import Foundation

/// One process slot of a plugin: its current process, and the restart bookkeeping that
/// decides when the next one starts or whether to give up.
final class PluginInstance {
    let manifest: PluginManifest
    /// 1-based.
    let index: Int
    var pid: pid_t?
    /// The secret handed to the current process at spawn (REPORTD_WORKER_TOKEN), which its READY echoes.
    var token: String?
    var state: PluginState = .starting
    var restarts = 0
    var lastExit: String?
    var startedAt: ContinuousClock.Instant?
    /// When the next spawn is due; nil while a process runs or after giving up.
    var nextStart: ContinuousClock.Instant?
    private(set) var quickDeaths = 0
    private(set) var backoff: Duration

    init(manifest: PluginManifest, index: Int, policy: RestartPolicy, startAt: ContinuousClock.Instant) {
        self.manifest = manifest
        self.index = index
        self.backoff = policy.initialBackoff
        self.nextStart = startAt
    }

    var label: String { "\(manifest.name)#\(index)" }

    var status: PluginStatus {
        PluginStatus(name: manifest.name, instance: index, pid: pid, state: state, restarts: restarts, lastExit: lastExit)
    }

    func started(pid: pid_t, token: String, now: ContinuousClock.Instant) {
        self.pid = pid
        self.token = token
        startedAt = now
        nextStart = nil
        state = .starting
    }

    /// What the supervisor should do after a death.
    enum Verdict { case restart(after: Duration, firstOfStreak: Bool), giveUp }

    /// Books a death and schedules the restart, doubling the delay after each quick death.
    func died(_ exit: String, now: ContinuousClock.Instant, policy: RestartPolicy) -> Verdict {
        let lived = startedAt.map { now - $0 } ?? .zero
        // A process that announced itself to the broker came up fine: dying on a job later (a poison
        // report, a worker killed by the timeout) is not the start-up crash loop this count is for.
        let cameUp = state == .running || lived >= policy.quickDeathWindow
        pid = nil
        lastExit = exit
        if cameUp {
            quickDeaths = 0
            backoff = policy.initialBackoff
        }
        quickDeaths += 1
        if quickDeaths >= policy.maximumQuickDeaths && !cameUp {
            state = .failed
            nextStart = nil
            return .giveUp
        }
        let delay = backoff
        backoff = min(backoff * 2, policy.maximumBackoff)
        state = .backoff
        nextStart = now + delay
        return .restart(after: delay, firstOfStreak: quickDeaths == 1)
    }

    /// Cannot be spawned at all (missing command): no amount of retrying helps.
    func cannotStart(_ reason: String) {
        pid = nil
        lastExit = reason
        state = .failed
        nextStart = nil
    }

    /// A fresh chance after a reload: forget past quick deaths.
    func rearm(now: ContinuousClock.Instant, policy: RestartPolicy) {
        quickDeaths = 0
        backoff = policy.initialBackoff
        state = .starting
        nextStart = now
    }
}
