import Foundation

/// Runs a helper program directly (no shell, so no quoting of file names) in the caller's
/// process group, waits at most `timeout`, and reads what it writes to stdout and stderr up to
/// a cap each. The plugin's supervisor kills a stuck plugin by its process group: a helper in
/// a group of its own (Foundation's `Process` makes one) would outlive it. A helper that writes
/// more than the cap or runs too long is killed and the run fails, so a hostile input cannot
/// fill the plugin's memory.
enum ExternalCommand {
    struct Result {
        var status: Int32
        /// stdout, at most the cap.
        var output: [UInt8]
        /// stderr, trimmed and cut to a readable length.
        var message: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What is kept of stderr, its last bytes: enough for any tool's complaint, never a flood.
    static let stderrCap = 64 << 10

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval,
                    maxOutputBytes: Int) throws(Failure) -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "\(executable) is not installed (Debian package poppler-utils)")
        }
        let name = URL(fileURLWithPath: executable).lastPathComponent
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        // pipe2(O_CLOEXEC) is hidden from Swift behind _GNU_SOURCE; the flag follows at once.
        guard pipe(&out) == 0, pipe(&err) == 0 else {
            throw Failure(description: "cannot start \(name): \(String(cString: strerror(errno)))")
        }
        for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let pid: pid_t
        do {
            defer { close(out[1]); close(err[1]) }
            pid = try spawn(executable, arguments, stdout: out[1], stderr: err[1])
        } catch {
            close(out[0]); close(err[0])
            throw error
        }
        defer { close(out[0]); close(err[0]) }
        var output: [UInt8] = [], errors: [UInt8] = []
        let deadline = Date() + timeout
        var open = [out[0], err[0]]
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                finish(pid, killing: true)
                throw Failure(description: "\(name) took longer than \(Int(timeout)) s")
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let isOutput = entry.fd == out[0]
                let chunk = readChunk(entry.fd)
                if chunk.isEmpty { open.removeAll { $0 == entry.fd }; continue }
                if isOutput {
                    output += chunk
                } else {
                    // The tail says why a tool gave up; keep the last of a flood, not the first.
                    errors += chunk
                    if errors.count > stderrCap { errors.removeFirst(errors.count - stderrCap) }
                }
                if output.count > maxOutputBytes {
                    finish(pid, killing: true)
                    throw Failure(description: "\(name) wrote more than \(maxOutputBytes) bytes of text")
                }
            }
        }
        let status = finish(pid, killing: false)
        let text = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Result(status: status, output: output, message: String(text.suffix(300)))
    }

    /// posix_spawn with stdin on /dev/null and the signals a daemon may block reset, in the
    /// caller's process group (no POSIX_SPAWN_SETPGROUP).
    private static func spawn(_ executable: String, _ arguments: [String], stdout: Int32,
                              stderr: Int32) throws(Failure) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    private static func readChunk(_ fd: Int32) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno != EINTR { return [] }
        }
    }

    /// Reaps the helper (after SIGKILL when `killing`) and returns its exit status; a death by
    /// signal N reads as 128 + N.
    @discardableResult
    private static func finish(_ pid: pid_t, killing: Bool) -> Int32 {
        if killing { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
