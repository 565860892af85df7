import Foundation

/// Kernel resource limits for one plugin's processes, from its manifest, set on each process
/// right after it is spawned (posix_spawn has no attribute for them, and setting them on the
/// daemon would limit the daemon too).
struct ResourceLimits: Sendable, Equatable, Codable {
    /// RLIMIT_AS in bytes: allocations beyond it fail (the plugin dies or fails its job) instead
    /// of the whole service reaching the unit's MemoryMax. Nil: unlimited.
    var addressSpaceBytes: Int?
    /// RLIMIT_NPROC: processes and threads of the plugin's user, counted by the kernel across
    /// everything running as that user (the daemon included), not per plugin. Nil: unlimited.
    var processes: Int?

    init(addressSpaceBytes: Int? = nil, processes: Int? = nil) {
        self.addressSpaceBytes = addressSpaceBytes
        self.processes = processes
    }

    var isEmpty: Bool { addressSpaceBytes == nil && processes == nil }

    /// RLIMIT_NPROC (6 on Linux), which Glibc's Swift module leaves out.
    private static let nprocResource: Int32 = 6

    private typealias PrLimit = @convention(c) (pid_t, Int32, UnsafePointer<rlimit>?, UnsafeMutablePointer<rlimit>?) -> Int32

    /// Sets the limits (soft and hard) on `pid`; the errno when the kernel or the unit's system
    /// call filter refuses. prlimit(2) is hidden from Swift behind _GNU_SOURCE.
    func apply(to pid: pid_t) -> Int32? {
        guard !isEmpty else { return nil }
        guard let symbol = dlsym(nil, "prlimit") else { return ENOSYS }
        let prlimit = unsafeBitCast(symbol, to: PrLimit.self)
        for (resource, value) in [(Int32(RLIMIT_AS.rawValue), addressSpaceBytes), (Self.nprocResource, processes)] {
            guard let value else { continue }
            var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
            if prlimit(pid, resource, &limit, nil) != 0 { return errno }
        }
        return nil
    }
}
