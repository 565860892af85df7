import Foundation
import Logging

/// Keeps the configured number of each plugin's processes running.
///
/// Driven by the daemon's loop: `tick(now:)` on every timer tick reaps exits without blocking,
/// restarts crashed processes after their backoff and escalates retiring ones to SIGKILL.
/// Only `stopAll(deadline:)` blocks, and only during shutdown.
final class Supervisor {
    private var instances: [PluginInstance] = []
    private var retiring = RetiringProcesses()
    private var stopped = false
    /// Manifests handed to init, turned into instances by `start`.
    private var pendingManifests: [PluginManifest]
    private let workerEndpoint: String
    private let dataDir: URL
    private let executableDirectory: URL
    private let environment: [String: String]
    private let policy: RestartPolicy
    private let logger: Logger
    /// Called with the pid and how it ended when a plugin process is reaped, so the broker can
    /// give its job to another worker at once instead of waiting for missed heartbeats.
    var processExited: (_ pid: Int32, _ exit: String) -> Void = { _, _ in }

    /// `environment` is the daemon's own; each plugin gets it plus its manifest's variables and
    /// REPORTD_BROKER, REPORTD_DATA_DIR, REPORTD_INSTANCE and REPORTD_SERVICES. Commands are looked up beside
    /// reportd (`executableDirectory`) and then on the environment's PATH.
    init(manifests: [PluginManifest], workerEndpoint: String, dataDir: URL,
                executableDirectory: URL = PluginManifest.currentExecutableDirectory(),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                policy: RestartPolicy = RestartPolicy(), logger: Logger) {
        self.workerEndpoint = workerEndpoint
        self.dataDir = dataDir
        self.executableDirectory = executableDirectory
        self.environment = environment
        self.policy = policy
        self.logger = logger
        self.pendingManifests = manifests
    }

    /// Spawns every instance of every plugin.
    func start(now: ContinuousClock.Instant = .now) {
        for manifest in pendingManifests { addInstances(of: manifest, startAt: now) }
        pendingManifests = []
        tick(now: now)
    }

    /// Reaps exited processes, restarts those whose backoff is over, and kills retiring
    /// processes that outstayed their grace. Never blocks.
    func tick(now: ContinuousClock.Instant = .now) {
        guard !stopped else { return }
        retiring.reap(now: now, logger: logger)
        for instance in instances {
            if let pid = instance.pid {
                if let exit = ChildReaper.reap(pid) {
                    handleDeath(of: instance, exit: exit, now: now)
                    processExited(pid, exit.description)
                } else if instance.state == .starting, let started = instance.startedAt,
                          now - started >= policy.quickDeathWindow {
                    instance.state = .running
                }
            }
            if instance.pid == nil, let due = instance.nextStart, now >= due,
               !retiring.contains(plugin: instance.manifest.name) {
                spawn(instance, now: now)
            }
        }
    }

    func status() -> [PluginStatus] { instances.map(\.status) }

    /// Every child process not yet reaped, retiring ones included: the loop watches them exit.
    var processIds: Set<pid_t> { Set(instances.compactMap(\.pid) + retiring.processes.map(\.pid)) }

    /// When `tick` next has timed work: a restart after its backoff, a retiring process to kill,
    /// a starting process that outlived the quick-death window. Exits are not timed: the loop
    /// watches `processIds`.
    var nextDeadline: ContinuousClock.Instant? {
        guard !stopped else { return nil }
        let starts = instances.compactMap { instance -> ContinuousClock.Instant? in
            // A restart that waits for a retiring process waits for its exit, which is watched.
            if instance.pid == nil { return retiring.contains(plugin: instance.manifest.name) ? nil : instance.nextStart }
            guard instance.state == .starting, let started = instance.startedAt else { return nil }
            return started + policy.quickDeathWindow
        }
        return (starts + retiring.killDeadlines).min()
    }

    /// The broker heard READY with this token: the pid of the process it was handed to at spawn,
    /// now counted healthy, or nil when no live process of ours has it (a remote worker, a
    /// stale or forged token). The worker's own claim of a pid is never used.
    func workerAnnounced(token: String?) -> Int32? {
        guard let token, let pid = instances.first(where: { $0.pid != nil && $0.token == token })?.pid else { return nil }
        workerAnnounced(pid: pid)
        return pid
    }

    /// The process is healthy, not merely alive.
    @discardableResult
    func workerAnnounced(pid: Int32) -> Bool {
        guard let instance = instances.first(where: { $0.pid == pid }) else { return false }
        instance.state = .running
        return true
    }

    /// SIGKILLs a supervised process (and its process group), e.g. a worker stuck on a job.
    /// Its death is reaped and restarted by `tick` like any other. False if `pid` is not ours.
    @discardableResult
    func kill(pid: Int32) -> Bool {
        guard let instance = instances.first(where: { $0.pid == pid }) else { return false }
        logger.warning("killing plugin process", metadata: ["plugin": "\(instance.label)", "pid": "\(pid)"])
        ProcessTermination.signal(pid, SIGKILL)
        return true
    }

    /// The pid of a plugin's instance (1-based), nil when it has no live process.
    func pid(ofPlugin name: String, instance: Int) -> Int32? {
        instances.first { $0.manifest.name == name && $0.index == instance }?.pid
    }

    /// Which plugin instance a pid belongs to, e.g. to name a worker that announced its pid.
    func instance(ofPid pid: Int32) -> (plugin: String, instance: Int)? {
        instances.first { $0.pid == pid }.map { ($0.manifest.name, $0.index) }
    }

    /// Applies new manifests: plugins whose manifest changed are stopped and then started
    /// anew, new ones start, removed ones stop. Unchanged plugins keep running; unchanged
    /// plugins that had failed get a fresh chance (a reload is how one says "try again").
    func reload(manifests: [PluginManifest], now: ContinuousClock.Instant = .now) {
        guard !stopped else { return }
        let current = Dictionary(instances.map { ($0.manifest.name, $0.manifest) }, uniquingKeysWith: { a, _ in a })
        let wanted = Dictionary(manifests.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (name, manifest) in current where wanted[name] != manifest {
            retire(name, now: now)
            logger.info(wanted[name] == nil ? "plugin removed" : "plugin manifest changed, restarting it",
                        metadata: ["plugin": "\(name)"])
        }
        for instance in instances where instance.state == .failed {
            instance.rearm(now: now, policy: policy)
        }
        for manifest in manifests where current[manifest.name] != manifest {
            addInstances(of: manifest, startAt: now)
            if current[manifest.name] == nil { logger.info("plugin added", metadata: ["plugin": "\(manifest.name)"]) }
        }
        // Keep the manifest order for status output.
        let order = Dictionary(manifests.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        instances.sort { (order[$0.manifest.name] ?? 0, $0.index) < (order[$1.manifest.name] ?? 0, $1.index) }
        tick(now: now)
    }

    /// Shutdown: SIGTERM to every plugin, up to `deadline` for them to exit, then SIGKILL.
    /// Blocks (polling every 20 ms); nothing is restarted afterwards.
    func stopAll(deadline: Duration) {
        stopped = true
        var live = retiring.processes
        retiring.removeAll()
        for instance in instances {
            if let pid = instance.pid { live.append(LabelledProcess(pid: pid, label: instance.label)) }
            instance.pid = nil
            instance.nextStart = nil
            instance.state = .stopped
        }
        guard !live.isEmpty else { return }
        logger.info("stopping plugins", metadata: ["processes": "\(live.count)"])
        ProcessTermination.terminate(live, deadline: deadline, logger: logger)
    }

    private func addInstances(of manifest: PluginManifest, startAt: ContinuousClock.Instant) {
        guard manifest.instances > 0 else {
            logger.info("plugin disabled (instances = 0)", metadata: ["plugin": "\(manifest.name)"])
            return
        }
        for index in 1...manifest.instances {
            instances.append(PluginInstance(manifest: manifest, index: index, policy: policy, startAt: startAt))
        }
    }

    private func retire(_ name: String, now: ContinuousClock.Instant) {
        for instance in instances where instance.manifest.name == name {
            if let pid = instance.pid { retiring.retire(pid, plugin: name, killAt: now + policy.retireGrace) }
        }
        instances.removeAll { $0.manifest.name == name }
    }

    private func spawn(_ instance: PluginInstance, now: ContinuousClock.Instant) {
        let manifest = instance.manifest
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let executable = manifest.resolveCommand(besides: executableDirectory, path: searchPath) else {
            let reason = "command `\(manifest.command)` not found beside reportd (\(executableDirectory.path)) or on PATH"
            instance.cannotStart(reason)
            logger.error("cannot start plugin", metadata: ["plugin": "\(instance.label)", "reason": "\(reason)"])
            return
        }
        let isRestart = instance.lastExit != nil
        let token = WorkerToken.make()
        do {
            let spawned = try ProcessSpawner.spawn(executable: executable, arguments: manifest.args,
                                                   environment: childEnvironment(for: instance, token: token),
                                                   nice: manifest.nice, limits: manifest.limits)
            let pid = spawned.pid
            if let refused = spawned.niceRefused {
                logger.warning("plugin runs at the daemon's CPU priority: its nice could not be set",
                               metadata: ["plugin": "\(instance.label)", "nice": "\(manifest.nice)",
                                          "reason": "setpriority: \(describeErrno(refused))"])
            }
            if let refused = spawned.limitsRefused {
                logger.warning("plugin runs without its resource limits: they could not be set",
                               metadata: ["plugin": "\(instance.label)", "reason": "prlimit: \(describeErrno(refused))"])
            }
            instance.started(pid: pid, token: token, now: now)
            if isRestart { instance.restarts += 1 }
            logger.log(level: isRestart ? .debug : .info, "plugin started",
                       metadata: ["plugin": "\(instance.label)", "pid": "\(pid)", "command": "\(executable)"])
        } catch {
            if error.isPermanent {
                instance.cannotStart(error.description)
                logger.error("cannot start plugin", metadata: ["plugin": "\(instance.label)", "reason": "\(error)"])
            } else {
                instance.startedAt = now
                handleDeath(of: instance, exitDescription: error.description, now: now)
            }
        }
    }

    private func handleDeath(of instance: PluginInstance, exit: ProcessExit, now: ContinuousClock.Instant) {
        handleDeath(of: instance, exitDescription: exit.description, now: now)
    }

    /// Logs the first death of a streak and the give-up; the deaths in between go to debug,
    /// so a crash-looping plugin cannot flood the log.
    private func handleDeath(of instance: PluginInstance, exitDescription: String, now: ContinuousClock.Instant) {
        let pid = instance.pid.map { "\($0)" } ?? "-"
        switch instance.died(exitDescription, now: now, policy: policy) {
        case .restart(let delay, let firstOfStreak):
            logger.log(level: firstOfStreak ? .warning : .debug, "plugin died, restarting",
                       metadata: ["plugin": "\(instance.label)", "pid": "\(pid)", "exit": "\(exitDescription)",
                                  "delay": "\(delay)"])
        case .giveUp:
            logger.error("plugin keeps dying right after starting; giving up until reload",
                         metadata: ["plugin": "\(instance.label)", "exit": "\(exitDescription)",
                                    "deaths": "\(policy.maximumQuickDeaths)",
                                    "window": "\(policy.quickDeathWindow)"])
        }
    }

    private func childEnvironment(for instance: PluginInstance, token: String) -> [String: String] {
        var variables = environment
        // systemd's notification channel belongs to the daemon alone.
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"] {
            variables[key] = nil
        }
        variables.merge(instance.manifest.environment) { _, manifest in manifest }
        variables["REPORTD_BROKER"] = workerEndpoint
        variables["REPORTD_DATA_DIR"] = dataDir.path
        variables["REPORTD_INSTANCE"] = "\(instance.index)"
        variables["REPORTD_SERVICES"] = instance.manifest.services.joined(separator: ",")
        variables["REPORTD_WORKER_TOKEN"] = token
        return variables
    }
}
