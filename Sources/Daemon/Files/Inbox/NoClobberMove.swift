import Foundation

/// Moves a file into a folder without ever replacing what is there: a taken name gets a
/// numeric suffix (`report.txt` → `report.1.txt`). Nothing is deleted except the source,
/// and that only once its content is safely at the destination.
enum NoClobberMove {
    /// Moves `source` into `directory`, trying `name`, then suffixed names, skipping any name for
    /// which `isFree` says a companion file would clash. Returns the destination.
    static func move(_ source: URL, into directory: URL, name: String,
                     isFree: (URL) -> Bool = { _ in true }) throws(InboxError) -> URL {
        for attempt in 0..<10_000 {
            let destination = directory.appendingPathComponent(suffixed(name, attempt))
            guard !exists(destination), isFree(destination) else { continue }
            // link(2) fails with EEXIST instead of replacing, unlike rename(2): no race can clobber.
            if link(source.path, destination.path) == 0 {
                try unlinkSource(source)
                return destination
            }
            let code = errno
            switch code {
            case EEXIST: continue
            case EXDEV, EPERM, EOPNOTSUPP, EMLINK:
                // Another filesystem, or one without hard links: copy exclusively, then remove.
                guard try copyExclusively(source, to: destination) else { continue }
                try unlinkSource(source)
                return destination
            default:
                throw InboxError("cannot move \(source.lastPathComponent.sanitizedForLog) to \(directory.path): \(describeErrno(code))", errno: code)
            }
        }
        throw InboxError("cannot move \(name.sanitizedForLog) to \(directory.path): 10000 names already taken")
    }

    /// The name under which `source` is already linked into `directory`: a move that a crash
    /// cut between its link and its unlink. Looks at the names `move` would have tried, in
    /// order, up to the first it would have taken; compares device and inode, not the link
    /// count (an input hard-linked into the inbox has two links and was never moved).
    static func earlierLink(of source: URL, in directory: URL, name: String,
                            isFree: (URL) -> Bool = { _ in true }) -> URL? {
        var info = stat()
        guard lstat(source.path, &info) == 0, info.st_nlink > 1 else { return nil }
        for attempt in 0..<10_000 {
            let candidate = directory.appendingPathComponent(suffixed(name, attempt))
            var other = stat()
            guard lstat(candidate.path, &other) == 0 else {
                if isFree(candidate) { return nil }
                continue
            }
            if other.st_dev == info.st_dev && other.st_ino == info.st_ino { return candidate }
        }
        return nil
    }

    /// `report.txt` → `report.1.txt`; a name without extension, or a dotfile, gets `.1` appended.
    static func suffixed(_ name: String, _ number: Int) -> String {
        guard number > 0 else { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot]).\(number)\(name[dot...])"
        }
        return "\(name).\(number)"
    }

    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    private static func unlinkSource(_ source: URL) throws(InboxError) {
        guard unlink(source.path) == 0 else {
            let code = errno
            throw InboxError("moved a copy of \(source.lastPathComponent.sanitizedForLog) but cannot remove it from the inbox: \(describeErrno(code))", errno: code)
        }
    }

    /// Returns false when the destination appeared meanwhile (the caller tries the next name).
    private static func copyExclusively(_ source: URL, to destination: URL) throws(InboxError) -> Bool {
        let input = open(source.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else {
            let code = errno
            throw InboxError("cannot open \(source.lastPathComponent.sanitizedForLog): \(describeErrno(code))", errno: code)
        }
        defer { close(input) }
        let output = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        if output < 0 && errno == EEXIST { return false }
        guard output >= 0 else {
            let code = errno
            throw InboxError("cannot create \(destination.path.sanitizedForLog): \(describeErrno(code))", errno: code)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var failure: Int32?
        while failure == nil {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 { if errno != EINTR { failure = errno }; continue }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if n < 0 { if errno != EINTR { failure = errno; break }; continue }
                written += n
            }
        }
        if failure == nil && fsync(output) != 0 { failure = errno }
        close(output)
        if let failure {
            unlink(destination.path)  // our own partial copy; the source is untouched
            throw InboxError("cannot copy \(source.lastPathComponent.sanitizedForLog) to \(destination.path.sanitizedForLog): \(describeErrno(failure))", errno: failure)
        }
        return true
    }
}
