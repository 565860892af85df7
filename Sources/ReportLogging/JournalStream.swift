#if canImport(Glibc)
import Glibc
#endif

/// Whether stderr is connected to journald. systemd sets `JOURNAL_STREAM=<device>:<inode>` for a
/// service whose output goes to the journal; sd_journal_stream_fd(3) says to compare it with
/// fstat(2) of the descriptor, because the variable is inherited by children whose stderr may
/// have been redirected elsewhere.
public enum JournalStream {
    public static func isStandardError(environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return matches(value, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `JOURNAL_STREAM`'s two decimal numbers against a descriptor's device and inode.
    public static func matches(_ value: String, device: UInt64, inode: UInt64) -> Bool {
        let parts = value.split(separator: ":")
        guard parts.count == 2, let wantedDevice = UInt64(parts[0]), let wantedInode = UInt64(parts[1]) else {
            return false
        }
        return wantedDevice == device && wantedInode == inode
    }
}
