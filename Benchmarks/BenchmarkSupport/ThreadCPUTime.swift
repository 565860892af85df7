import Foundation

/// CPU time the calling thread has used, in microseconds (CLOCK_THREAD_CPUTIME_ID): what a
/// benchmark's own work costs, without the time it waited for a core on a shared machine.
public func threadCPUMicroseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return time.tv_sec * 1_000_000 + time.tv_nsec / 1_000
}
