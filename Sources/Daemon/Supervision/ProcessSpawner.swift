import Foundation

/// Why a plugin process could not be started.
struct SpawnError: Error, CustomStringConvertible {
    let executable: String
    let code: Int32
    /// What failed, before the executable's name: "cannot start" unless the spawn itself did not fail.
    var doing = "cannot start"

    /// Errors that retrying cannot fix until the installation or the manifest changes.
    var isPermanent: Bool { [ENOENT, EACCES, ENOEXEC, ENOTDIR, ELOOP, EISDIR].contains(code) }
    var description: String { "\(doing) \(executable): \(describeErrno(code))" }
}

/// Starts child processes with posix_spawn: no fork of the daemon's address space, and exec
/// failures are reported to the caller instead of dying silently in the child.
enum ProcessSpawner {
    /// Signals a daemon may block or ignore for its own loop (signalfd, SIGPIPE); children must
    /// start with the defaults or SIGTERM would not stop them.
    private static let resetSignals = [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGUSR1, SIGUSR2,
                                       SIGCHLD, SIGALRM, SIGTSTP, SIGTTIN, SIGTTOU, SIGIO]

    /// A started plugin process.
    struct Spawned {
        let pid: pid_t
        /// The errno when the plugin could not be made nicer (it then runs at the daemon's priority).
        let niceRefused: Int32?
        /// The errno when its resource limits could not be set (it then runs without them).
        var limitsRefused: Int32? = nil
    }

    /// Spawns `executable` in its own process group (so a terminal's Ctrl-C reaches only the
    /// daemon, which then stops its plugins in order), with stdin on /dev/null and stdout and
    /// stderr inherited, `nice` steps nicer than the daemon (from a `NicerThread`).
    static func spawn(executable: String, arguments: [String], environment: [String: String],
                      nice: Int = 0, limits: ResourceLimits = ResourceLimits()) throws(SpawnError) -> Spawned {
        var spawned = try spawnNicer(executable: executable, arguments: arguments, environment: environment, nice: nice)
        spawned.limitsRefused = limits.apply(to: spawned.pid)
        return spawned
    }

    private static func spawnNicer(executable: String, arguments: [String], environment: [String: String],
                                   nice: Int) throws(SpawnError) -> Spawned {
        guard nice > 0 else {
            return Spawned(pid: try spawnHere(executable: executable, arguments: arguments, environment: environment),
                           niceRefused: nil)
        }
        var result: Result<pid_t, SpawnError> = .failure(SpawnError(executable: executable, code: ECHILD))
        let niceRefused: Int32?
        do {
            niceRefused = try NicerThread.run(nicer: nice) {
                do throws(SpawnError) {
                    result = .success(try spawnHere(executable: executable, arguments: arguments, environment: environment))
                } catch {
                    result = .failure(error)
                }
            }
        } catch {
            throw SpawnError(executable: executable, code: error.code, doing: "cannot start a thread to start")
        }
        return Spawned(pid: try result.get(), niceRefused: niceRefused)
    }

    private static func spawnHere(executable: String, arguments: [String], environment: [String: String]) throws(SpawnError) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in resetSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        closeInheritedDescriptors(&actions)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        return pid
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Descriptors the daemon opened without O_CLOEXEC (sockets, databases) must not leak into
    /// plugins. glibc ≥ 2.34 has addclosefrom_np, hidden from Swift behind _GNU_SOURCE.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
        _ = addCloseFrom(&actions, 3)
    }
}
