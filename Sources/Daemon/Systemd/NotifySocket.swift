import Foundation
import Glibc

/// One datagram to an AF_UNIX socket given as a path or as `@name` (abstract namespace).
enum NotifySocket {
    /// Returns a description of the failure, nil on success.
    static func send(_ message: String, to path: String) -> String? {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return "socket: \(describeErrno(errno))" }
        defer { close(fd) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(path.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        if abstract { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        // A filesystem path needs room for its NUL; an abstract name is counted exactly.
        guard pathBytes.count < capacity || (abstract && pathBytes.count <= capacity) else {
            return "socket path is longer than \(capacity - 1) bytes"
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
        let length = socklen_t(pathOffset + pathBytes.count + (abstract ? 0 : 1))

        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), socketAddress, length) }
            }
        }
        guard sent >= 0 else { return "sendto: \(describeErrno(errno))" }
        return sent == bytes.count ? nil : "sendto: short write (\(sent) of \(bytes.count) bytes)"
    }
}
