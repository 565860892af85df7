import Foundation

/// A pidfd (Linux 5.3+) for each plugin process, readable once the process has exited, so the
/// loop polls them with its sockets and sleeps until something happens instead of calling
/// waitpid on a timer. Without pidfd_open (an old kernel or libc) there are none and the loop
/// falls back to checking on a short timer.
final class ChildExitWatch {
    private typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32
    // glibc ≥ 2.36 has pidfd_open; looked up at run time like posix_spawn's addclosefrom_np.
    private static let pidfdOpen: PidfdOpen? = dlsym(nil, "pidfd_open").map { unsafeBitCast($0, to: PidfdOpen.self) }

    private var watched: [pid_t: Int32] = [:]

    /// Whether exits can be watched at all.
    var isAvailable: Bool { Self.pidfdOpen != nil }
    /// One descriptor per watched process, to poll for readability.
    var descriptors: [Int32] { Array(watched.values) }

    deinit { watched.values.forEach { close($0) } }

    /// Watches exactly `pids`: new ones are added, those no longer listed (reaped) dropped.
    /// Returns whether the set of descriptors changed.
    func watch(only pids: Set<pid_t>) -> Bool {
        guard let pidfdOpen = Self.pidfdOpen else { return false }
        var changed = false
        for (pid, fd) in watched where !pids.contains(pid) {
            close(fd)
            watched[pid] = nil
            changed = true
        }
        for pid in pids where watched[pid] == nil {
            let fd = pidfdOpen(pid, 0)
            guard fd >= 0 else { continue }  // already reaped: nothing left to wait for
            watched[pid] = fd
            changed = true
        }
        return changed
    }
}
