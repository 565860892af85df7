import Foundation

/// A regular file in the inbox whose size and mtime have settled.
public struct InboxFile: Sendable, Equatable {
    /// The bare file name inside the inbox (never a path).
    public let name: String
    public let url: URL
    public let size: Int
    /// Identifies this version of the file: a rewrite under the same name changes it.
    public let stamp: FileStamp

    public init(name: String, url: URL, size: Int, stamp: FileStamp) {
        self.name = name
        self.url = url
        self.size = size
        self.stamp = stamp
    }

    /// The file's bytes, read without following a symlink that may have replaced it since it
    /// settled, refusing anything that is no longer a regular file or grew beyond `limit`.
    public func readContents(limit: Int) throws(InboxError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw InboxError("cannot open \(name.sanitizedForLog): \(describeErrno(code))", errno: code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw InboxError("\(name.sanitizedForLog) is no longer a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw InboxError("\(name.sanitizedForLog) is \(info.st_size) bytes, larger than the limit of \(limit)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw InboxError("cannot read \(name.sanitizedForLog): \(describeErrno(code))", errno: code)
            }
            if count == 0 { break }  // truncated while reading: return what is there
            total += count
        }
        return Array(bytes.prefix(total))
    }
}

/// What the watcher hands to the daemon's loop.
public enum InboxCandidate: Sendable, Equatable {
    /// A settled file within the size limit, ready to be processed.
    case ready(InboxFile)
    /// A settled file larger than `maxFileBytes`: the loop should move it to `failed/` unread.
    case tooLarge(InboxFile, limit: Int)

    public var file: InboxFile {
        switch self {
        case .ready(let file), .tooLarge(let file, _): return file
        }
    }
}

/// The identity of one version of a file: same inode, size and mtime means nothing changed.
public struct FileStamp: Sendable, Equatable, Hashable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int
    public let modifiedSeconds: Int
    public let modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
