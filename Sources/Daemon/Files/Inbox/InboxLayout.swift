import Foundation
import ReportProtocol
import Logging

/// The folders around the inbox. Finished reports go to `<dataDir>/processed/`, given-up ones to
/// `<dataDir>/failed/` with a `<name>.reason.txt` beside each, so the inbox only ever holds work
/// still to do and the data directory holds everything the daemon owns, under one permission.
struct InboxLayout: Sendable, Equatable {
    let inbox: URL
    let dataDir: URL
    var processed: URL { DataDirectoryLayout(dataDir).processed }
    var failed: URL { DataDirectoryLayout(dataDir).failed }

    init(inbox: URL, dataDir: URL) {
        self.inbox = inbox.standardizedFileURL
        self.dataDir = dataDir.standardizedFileURL
    }

    init(config: DaemonConfig) {
        self.init(inbox: config.inbox, dataDir: config.dataDir)
    }

    /// Creates the inbox (default permissions: users drop files there), the data directory
    /// (mode 0750, tightened if an existing one is group-writable or open to others) and
    /// `processed/` and `failed/` inside it.
    func create(logger: Logger) throws(InboxError) {
        if [processed.path, failed.path].contains(inbox.path) {
            throw InboxError("the inbox \(inbox.path) must not be the data directory's processed/ or failed/ folder")
        }
        try makeDirectory(inbox, mode: nil)
        try makeDirectory(dataDir, mode: 0o750)
        tighten(dataDir, logger: logger)
        try makeDirectory(processed, mode: 0o750)
        try makeDirectory(failed, mode: 0o750)
    }

    /// Moves a finished report out of the inbox. Returns where it went (possibly a suffixed name).
    @discardableResult
    func moveToProcessed(name: String) throws(InboxError) -> URL {
        try moveToProcessed(try source(name), name: name)
    }

    /// Moves a finished report from wherever the daemon kept it, under its original `name`.
    @discardableResult
    func moveToProcessed(_ source: URL, name: String) throws(InboxError) -> URL {
        try NoClobberMove.move(source, into: processed, name: name)
    }

    /// Moves a report that cannot be processed to `failed/` and writes `<final name>.reason.txt`
    /// beside it saying why. Returns where the report went.
    @discardableResult
    func moveToFailed(name: String, reason: String) throws(InboxError) -> URL {
        try moveToFailed(try source(name), name: name, reason: reason)
    }

    /// Moves a report that cannot be processed from wherever the daemon kept it, under its original `name`.
    @discardableResult
    func moveToFailed(_ source: URL, name: String, reason: String) throws(InboxError) -> URL {
        let destination = try NoClobberMove.move(source, into: failed, name: name) {
            !NoClobberMove.exists(Self.reasonFile(for: $0))
        }
        try writeReason(reason, originalName: name, to: Self.reasonFile(for: destination))
        return destination
    }

    /// Where a crash left `source` already linked onto its shelf (`processed/` for done, `failed/`
    /// otherwise), if it did.
    func earlierShelf(of source: URL, name: String, failed isFailed: Bool) -> URL? {
        isFailed
            ? NoClobberMove.earlierLink(of: source, in: failed, name: name) { !NoClobberMove.exists(Self.reasonFile(for: $0)) }
            : NoClobberMove.earlierLink(of: source, in: processed, name: name)
    }

    static func reasonFile(for failedFile: URL) -> URL {
        failedFile.deletingLastPathComponent().appendingPathComponent(failedFile.lastPathComponent + ".reason.txt")
    }

    /// Only a bare name inside the inbox may be moved: no path, no `..`.
    private func source(_ name: String) throws(InboxError) -> URL {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0") else {
            throw InboxError("`\(name.sanitizedForLog)` is not a file name inside the inbox")
        }
        let url = inbox.appendingPathComponent(name)
        guard NoClobberMove.exists(url) else {
            throw InboxError("\(name.sanitizedForLog) is no longer in the inbox", errno: ENOENT)
        }
        return url
    }

    private func writeReason(_ reason: String, originalName: String, to url: URL) throws(InboxError) {
        let text = "file: \(originalName.sanitizedForLog)\nfailed: \(Date().ISO8601Format())\nreason: \(reason)\n"
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            let code = errno
            throw InboxError("cannot write \(url.path.sanitizedForLog): \(describeErrno(code))", errno: code)
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw InboxError("cannot write \(url.path.sanitizedForLog): \(describeErrno(code))", errno: code)
            }
            written += n
        }
    }

    private func makeDirectory(_ url: URL, mode: Int?) throws(InboxError) {
        do {
            let attributes: [FileAttributeKey: Any]? = mode.map { [.posixPermissions: $0] }
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: attributes)
        } catch {
            throw InboxError("cannot create \(url.path.sanitizedForLog): \(error.localizedDescription)")
        }
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw InboxError("\(url.path.sanitizedForLog) exists but is not a directory")
        }
    }

    /// The data directory holds every report ever received: no one but the daemon's user
    /// (and its group, read-only) should reach it.
    private func tighten(_ url: URL, logger: Logger) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return }
        let mode = info.st_mode & 0o7777
        let tightened = mode & ~mode_t(0o027)
        guard tightened != mode else { return }
        if chmod(url.path, tightened) == 0 {
            logger.info("tightened data directory permissions",
                        metadata: ["dir": "\(url.path.sanitizedForLog)",
                                   "from": "\(String(mode, radix: 8))", "to": "\(String(tightened, radix: 8))"])
        } else {
            logger.warning("data directory is readable by others and its mode cannot be changed",
                           metadata: ["dir": "\(url.path.sanitizedForLog)", "error": "\(describeErrno(errno))"])
        }
    }
}
