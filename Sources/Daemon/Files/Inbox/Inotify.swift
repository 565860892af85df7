import Foundation

/// One event read from an inotify descriptor.
struct InotifyEvent: Equatable {
    let watch: Int32
    let mask: UInt32
    /// The entry name inside the watched directory; empty for events about the directory itself.
    let name: String

    func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
}

/// A non-blocking inotify descriptor watching one directory. Reading drains the kernel queue
/// without ever blocking the daemon's loop.
final class Inotify {
    let fileDescriptor: Int32
    private(set) var watch: Int32?

    /// Arrivals (a finished write, a rename into the folder, and a new name: `ln`, `linkat` of an
    /// `O_TMPFILE` and `link(2)` give IN_CREATE and nothing else), the queue overflow, the
    /// directory itself going away, and departures so a file handed out can be forgotten.
    static let mask: UInt32 = UInt32(bitPattern: IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_Q_OVERFLOW | IN_DELETE_SELF
        | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR | IN_MOVED_FROM | IN_DELETE | IN_EXCL_UNLINK)

    init() throws(InboxError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw Self.limitError(errno, call: "inotify_init1") }
        fileDescriptor = fd
    }

    deinit { close(fileDescriptor) }

    func addWatch(_ directory: String) throws(InboxError) {
        let wd = inotify_add_watch(fileDescriptor, directory, Self.mask)
        guard wd >= 0 else { throw Self.limitError(errno, call: "inotify_add_watch on \(directory.sanitizedForLog)") }
        watch = wd
    }

    func removeWatch() {
        if let watch { inotify_rm_watch(fileDescriptor, watch) }
        watch = nil
    }

    /// Every event queued now; an empty array once the queue is empty.
    func readAll() throws(InboxError) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        // Large enough for many events at once; a name is at most NAME_MAX (255) bytes.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK { return events }
                if code == EINTR { continue }
                throw InboxError("cannot read inotify events: \(describeErrno(code))", errno: code)
            }
            if count == 0 { return events }
            events += Self.parse(buffer[0..<count])
        }
    }

    /// Splits the kernel's buffer of `struct inotify_event` records (wd, mask, cookie, len, name[len]).
    static func parse(_ bytes: ArraySlice<UInt8>) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        let header = MemoryLayout<inotify_event>.size
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + header <= raw.count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(offset + header + length, raw.count)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                events.append(InotifyEvent(watch: wd, mask: mask, name: name))
                offset += header + length
            }
        }
        return events
    }

    /// Like entr, says which kernel limit ran out and its current value, since the bare errno
    /// ("Too many open files", "No space left on device") points the reader the wrong way.
    static func limitError(_ code: Int32, call: String) -> InboxError {
        switch code {
        case EMFILE:
            let limit = "/proc/sys/fs/inotify/max_user_instances"
            return InboxError("\(call) failed: too many inotify instances; raise \(limit) (now \(kernelSetting(limit)))", errno: code)
        case ENOSPC:
            let limit = "/proc/sys/fs/inotify/max_user_watches"
            return InboxError("\(call) failed: out of inotify watches; raise \(limit) (now \(kernelSetting(limit)))", errno: code)
        default:
            return InboxError("\(call) failed: \(describeErrno(code))", errno: code)
        }
    }

    static func kernelSetting(_ path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "unreadable" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
