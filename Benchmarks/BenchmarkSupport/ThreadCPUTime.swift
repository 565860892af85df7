import Foundation

/// CPU time the calling thread has used, in microseconds (CLOCK_THREAD_CPUTIME_ID). The machine
/// is shared with other builds, so wall-clock time mostly measures the queue for a core; this is
/// what the work itself costs, to the microsecond, unlike the harness's `.cpuTotal` (10 ms ticks).
public func threadCPUMicroseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return time.tv_sec * 1_000_000 + time.tv_nsec / 1_000
}
