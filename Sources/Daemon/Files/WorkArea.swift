import Foundation
import ReportProtocol

/// Where a report's bytes live while the daemon works on it: `<data>/work/<report id>`.
/// Taking the file out of the inbox at once means a new file of the same name cannot be
/// mistaken for it, and a restart finds unfinished work without rescanning the inbox.
struct WorkArea {
    let directory: URL

    init(dataDirectory: URL) throws {
        directory = DataDirectoryLayout(dataDirectory).work
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func url(for reportId: String) -> URL { directory.appendingPathComponent(reportId) }

    /// The bytes for the report's parse job, read once through one descriptor (see `InputFile`),
    /// at most `limit`, and only if they are still the bytes whose hash is the report id: the
    /// parser gets exactly what was accepted, or the report fails with a reason naming the file.
    func contents(of reportId: String, file: String, limit: Int) throws -> [UInt8] {
        let label = "work/\(reportId.prefix(12))… (\(file.sanitizedForLog))"
        let bytes = try InputFile(url(for: reportId), label: label).contents(limit: limit, limitKey: "watcher.max_file_bytes")
        guard ContentHash.of(bytes) == reportId else {
            throw InboxError("\(label) no longer holds the bytes it was accepted with (written through another link since?)")
        }
        return bytes
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

    /// A copy of an input written into the work area under a temporary name, and its id.
    struct StagedCopy {
        let partial: URL
        let id: String
        let size: Int
    }

    /// Makes the work area's own copy of an input that has other hard links, hashing the bytes
    /// as they are copied, so nothing written later through another link can change the report.
    /// The copy is synced; `take(_:from:)` puts it in place, `discard` drops it (a duplicate).
    func stageCopy(of input: InputFile) throws -> StagedCopy {
        let partial = directory.appendingPathComponent("incoming-\(UUID().uuidString).partial")
        let fd = open(partial.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        do {
            let hashed = try input.hash(copyingTo: fd)
            guard fsync(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return StagedCopy(partial: partial, id: hashed.id, size: hashed.size)
        } catch {
            unlink(partial.path)
            throw error
        }
    }

    /// Renames the staged copy to `work/<id>`, then removes the inbox's name for the input.
    func take(_ staged: StagedCopy, from source: URL) throws {
        guard rename(staged.partial.path, url(for: staged.id).path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        try FileManager.default.removeItem(at: source)
    }

    func discard(_ staged: StagedCopy) { unlink(staged.partial.path) }

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
