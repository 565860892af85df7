import Crypto
import Foundation

/// A report's input opened once and read only through that descriptor: opened without following
/// a symlink and without blocking on a FIFO, and refused unless it is a regular file. Whatever
/// the name is swapped for after the open (a FIFO, a symlink to /dev/zero, a file grown with
/// truncate), the bytes read are those of the file checked.
final class InputFile {
    let descriptor: Int32
    /// How the file is named in errors: its inbox name, or `work/<id>` with the report's name.
    let label: String
    let size: Int
    /// Hard links to the file; more than one means someone else can still write it by another name.
    let links: Int

    init(_ url: URL, label: String) throws {
        self.label = label
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
            if code == ELOOP { throw InboxError("\(label) is a symlink, which is never followed", errno: code) }
            throw InboxError("cannot open \(label): \(describeErrno(code))", errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InboxError("\(label) is no longer a regular file (\(Self.kind(info.st_mode)))")
        }
        descriptor = fd
        size = Int(info.st_size)
        links = Int(info.st_nlink)
    }

    deinit { close(descriptor) }

    /// SHA-256 of every byte, read in 1 MiB chunks so a huge file never has to fit in memory;
    /// with `copy`, each chunk is also written there, so the copy holds exactly the hashed bytes.
    func hash(copyingTo copy: Int32? = nil) throws -> (id: String, size: Int) {
        var hasher = SHA256()
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try read(into: &chunk, at: 0, upTo: chunk.count)
            if count == 0 { break }
            hasher.update(data: chunk[..<count])
            if let copy { try Self.writeAll(chunk[..<count], to: copy, label: label) }
            total += count
        }
        return (ContentHash.hex(hasher.finalize()), total)
    }

    /// Every byte, refused over `limit`: checked against the size first, and again while
    /// reading, so a file grown after the check is not read past the limit either.
    func contents(limit: Int, limitKey: String) throws -> [UInt8] {
        guard size <= limit else {
            throw InboxError("\(label) is \(size) bytes, over the limit of \(limit) (\(limitKey))")
        }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard total <= limit else {
                    throw InboxError("\(label) grew past the limit of \(limit) bytes (\(limitKey)) while it was read")
                }
                bytes += [UInt8](repeating: 0, count: min(limit + 1 - total, max(total, 1 << 16)))
            }
            let count = try read(into: &bytes, at: total, upTo: bytes.count - total)
            if count == 0 { break }
            total += count
        }
        return Array(bytes[..<total])
    }

    private func read(into buffer: inout [UInt8], at offset: Int, upTo count: Int) throws -> Int {
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, count) }
            if got >= 0 { return got }
            if errno == EINTR { continue }
            let code = errno
            throw InboxError("cannot read \(label): \(describeErrno(code))", errno: code)
        }
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to fd: Int32, label: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw InboxError("cannot copy \(label) into the work area: \(describeErrno(code))", errno: code)
            }
            written += count
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a directory"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a file"
        }
    }
}
