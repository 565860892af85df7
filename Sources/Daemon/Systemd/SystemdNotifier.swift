import Foundation
import Glibc
import Logging

/// Tells systemd about the daemon's state (sd_notify(3) without linking libsystemd): one
/// AF_UNIX datagram per message to $NOTIFY_SOCKET. Does nothing when that variable is unset,
/// so the same binary runs under systemd, in a terminal and in tests.
struct SystemdNotifier: Sendable {
    /// The socket path; a leading `@` means the Linux abstract namespace. Nil disables the notifier.
    let socketPath: String?
    /// How often to call `watchdog()`: half of $WATCHDOG_USEC, as sd_watchdog_enabled(3)
    /// recommends. Nil when systemd does not watch this process.
    let watchdogInterval: Duration?
    private let logger: Logger

    init(environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        self.logger = logger
        watchdogInterval = Self.watchdogInterval(environment, notifying: path != nil)
    }

    var isEnabled: Bool { socketPath != nil }

    /// Start-up finished: systemd starts units ordered after this one.
    func ready(status: String? = nil) {
        send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// Shutdown began.
    func stopping() {
        send(["STOPPING=1"])
    }

    /// A reload (SIGHUP) began; send `ready()` when it is done. systemd ≥ 253 (Type=notify-reload)
    /// wants the monotonic time to match the reload with the signal that caused it.
    func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// The loop is alive; call every `watchdogInterval`.
    func watchdog() {
        send(["WATCHDOG=1"])
    }

    /// One line shown by `systemctl status`.
    func status(_ text: String) {
        send(["STATUS=\(text.replacingOccurrences(of: "\n", with: " "))"])
    }

    /// Sends `lines` as one datagram. Failures are logged, never thrown: systemd being
    /// unreachable must not stop the daemon.
    func send(_ lines: [String]) {
        guard let socketPath else { return }
        let message = lines.joined(separator: "\n")
        if let error = NotifySocket.send(message, to: socketPath) {
            logger.warning("cannot notify systemd", metadata: ["socket": "\(socketPath)", "error": "\(error)"])
        }
    }

    private static func watchdogInterval(_ environment: [String: String], notifying: Bool) -> Duration? {
        guard notifying, let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        // The watchdog is meant for the process systemd named, not for children that inherited the variable.
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != getpid() { return nil }
        return .microseconds(Int64(usec / 2))
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
