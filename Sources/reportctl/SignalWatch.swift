import Glibc

/// Turns SIGINT, SIGTERM and SIGHUP into a condition the subscribe loop checks between polls,
/// so it can close its sockets and exit 0 instead of dying inside libzmq.
/// Must be made before the ZMQ context: libzmq's threads inherit the blocked mask and so leave these signals alone.
final class SignalWatch {
    private var watched = sigset_t()
    private(set) var caught: Int32?

    init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        sigemptyset(&watched)
        for signal in signals { sigaddset(&watched, signal) }
        pthread_sigmask(SIG_BLOCK, &watched, nil)
        // A reader closing the pipe shows up as EPIPE from write(2), handled by Output.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether one of the watched signals arrived; takes it off the pending set.
    var isStopping: Bool {
        if caught != nil { return true }
        var now = timespec(tv_sec: 0, tv_nsec: 0)
        let signal = sigtimedwait(&watched, nil, &now)
        if signal > 0 { caught = signal }
        return caught != nil
    }
}
