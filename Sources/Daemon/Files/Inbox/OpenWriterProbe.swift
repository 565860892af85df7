import Foundation

/// Asks the kernel whether anyone still has an inbox file open for writing.
///
/// A read lease (`fcntl(F_SETLEASE, F_RDLCK)`) is granted only while no process has the file
/// open for writing (writable shared mappings included), so taking one and releasing it at once
/// proves there is no writer at that instant. The kernel grants it only to the file's owner or a
/// holder of CAP_LEASE, and some file systems refuse leases: then there is no proof either way.
enum OpenWriterProbe {
    enum Answer: Equatable {
        /// Nobody has the file open for writing; the stamp is the version the proof is about.
        case noWriter(FileStamp)
        /// Someone has it open for writing.
        case writerPresent
        /// The kernel gave no answer (not the owner, no lease support, or the file changed kind).
        case unknown
    }

    // <fcntl.h> defines these only under _GNU_SOURCE, which Swift's Glibc module does not set.
    private static let setLease: Int32 = 1024
    private static let readLease = Int32(F_RDLCK)
    private static let unlock = Int32(F_UNLCK)

    /// A writer that opens the file in the microseconds the lease is held breaks it, and the
    /// kernel tells the holder with SIGIO, whose default action ends the process. The daemon has
    /// no other use for SIGIO, so it ignores it before taking its first lease (plugins get the
    /// default back: ProcessSpawner resets SIGIO for them).
    private static let leaseBreaksIgnored: Void = { _ = signal(SIGIO, SIG_IGN) }()

    static func probe(_ url: URL) -> Answer {
        leaseBreaksIgnored
        // O_NONBLOCK: a file under someone else's write lease answers EWOULDBLOCK instead of
        // stalling the loop; a FIFO swapped in since the lstat does not block either.
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .unknown }
        defer { close(fd) }
        guard fcntl(fd, setLease, readLease) == 0 else {
            return errno == EAGAIN ? .writerPresent : .unknown
        }
        // The stamp is read under the lease: with no writer, the bytes cannot change meanwhile.
        var info = stat()
        let stamped = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        _ = fcntl(fd, setLease, unlock)
        return stamped ? .noWriter(FileStamp(info)) : .unknown
    }
}
