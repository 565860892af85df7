import Foundation

/// How a child process ended, decoded from a waitpid(2) status.
enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
    case exited(code: Int32)
    case signaled(signal: Int32)

    /// The WIFEXITED/WEXITSTATUS/WTERMSIG macros, which Swift does not import.
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        self = signal == 0 ? .exited(code: (status >> 8) & 0xff) : .signaled(signal: signal)
    }

    var description: String {
        switch self {
        case .exited(let code): return "exit status \(code)"
        case .signaled(let signal):
            let name = strsignal(signal).map { String(cString: $0) } ?? "unknown signal"
            return "killed by signal \(signal) (\(name))"
        }
    }
}

/// Non-blocking reaping of one child.
enum ChildReaper {
    /// The child's exit if it has ended (reaping it), nil while it runs.
    static func reap(_ pid: pid_t) -> ProcessExit? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return ProcessExit(waitStatus: status) }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            // ECHILD: someone else reaped it; it is gone all the same.
            return .exited(code: -1)
        }
    }
}
