import Crypto
import Foundation

/// Where a report's bytes live while the daemon works on it: `<data>/work/<report id>`.
/// Taking the file out of the inbox at once means a new file of the same name cannot be
/// mistaken for it, and a restart finds unfinished work without rescanning the inbox.
struct WorkArea {
    let directory: URL

    init(dataDirectory: URL) throws {
        directory = dataDirectory.appendingPathComponent("work", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func url(for reportId: String) -> URL { directory.appendingPathComponent(reportId) }

    func contents(of reportId: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(for: reportId)))
    }

    /// Moves a dropped file in. rename(2) is atomic within one file system. Across file systems
    /// the bytes are copied to `<id>.partial`, synced and renamed, so `work/<id>` is never a
    /// half copy; the source goes only after that.
    func take(_ source: URL, as reportId: String) throws {
        let target = url(for: reportId)
        if rename(source.path, target.path) == 0 { return }
        guard errno == EXDEV else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let partial = target.appendingPathExtension("partial")
        try? FileManager.default.removeItem(at: partial)
        try FileManager.default.copyItem(at: source, to: partial)
        let handle = try FileHandle(forUpdating: partial)
        try handle.synchronize()
        try handle.close()
        guard rename(partial.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try FileManager.default.removeItem(at: source)
    }

    /// Copies a crash interrupted; their sources are still where they were.
    func removeUnfinishedCopies() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasSuffix(".partial") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    func reportIds() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.count == 64 }
    }
}

/// SHA-256 of a file's bytes, read in chunks so a huge file does not have to fit in memory.
enum ContentHash {
    /// Opens without following a symlink and without blocking on a FIFO, and reads only a regular
    /// file: the inbox entry may have been swapped for something else since the watcher saw it.
    static func of(fileAt url: URL) throws -> (id: String, size: Int) {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
            throw InboxError("cannot open \(url.lastPathComponent.sanitizedForLog): \(describeErrno(code))", errno: code)
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw InboxError("\(url.lastPathComponent.sanitizedForLog) is no longer a regular file")
        }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
        }
        return (hex(hasher.finalize()), size)
    }

    static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex; String(format:) per byte cost as much as hashing a report.
    private static func hex(_ digest: SHA256.Digest) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.byteCount * 2)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
