import Foundation
import XCTest

/// A Linux network namespace joined to this one by a veth pair on a private /30 link: the host
/// side is `hostAddress`, the namespace side `namespaceAddress`. Processes started through
/// `command` run inside it and see the host only over that link, as a second machine would.
/// Needs root and iproute2; the namespace (and with it the veth pair) is deleted at teardown.
final class NetworkNamespace {
    let name: String
    let hostAddress: String
    let namespaceAddress: String
    private let ip: URL

    init(test: XCTestCase) throws {
        guard let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].map(URL.init(fileURLWithPath:))
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("iproute2's `ip` is not installed (scripts/install-deps.sh installs it)")
        }
        self.ip = ip
        let tag = UUID().uuidString.prefix(6).lowercased()
        name = "rpt-\(tag)"
        // A random third octet, so a leftover from a killed run or a parallel checkout cannot clash.
        let octet = Int.random(in: 0...255)
        hostAddress = "10.77.\(octet).1"
        namespaceAddress = "10.77.\(octet).2"
        let add = try Self.run(ip, ["netns", "add", name])
        guard add.status == 0 else {
            throw XCTSkip("`ip netns add` is not permitted here (needs root and CAP_SYS_ADMIN): \(add.output)")
        }
        let name = self.name
        test.addTeardownBlock { _ = try? Self.run(ip, ["netns", "del", name]) }
        let hostEnd = "rv\(tag)h", namespaceEnd = "rv\(tag)n"
        for arguments in [
            ["link", "add", hostEnd, "type", "veth", "peer", "name", namespaceEnd],
            ["link", "set", namespaceEnd, "netns", name],
            ["addr", "add", "\(hostAddress)/30", "dev", hostEnd],
            ["link", "set", hostEnd, "up"],
            ["netns", "exec", name, "ip", "addr", "add", "\(namespaceAddress)/30", "dev", namespaceEnd],
            ["netns", "exec", name, "ip", "link", "set", namespaceEnd, "up"],
            ["netns", "exec", name, "ip", "link", "set", "lo", "up"],
        ] {
            let step = try Self.run(ip, arguments)
            guard step.status == 0 else {
                throw NamespaceError(message: "ip \(arguments.joined(separator: " ")) failed: \(step.output)")
            }
        }
    }

    /// `executable arguments` run inside the namespace (`ip netns exec` execs it in place, so the
    /// process started is the command itself).
    func command(_ executable: URL, _ arguments: [String]) -> (executable: URL, arguments: [String]) {
        (ip, ["netns", "exec", name, executable.path] + arguments)
    }

    private static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    struct NamespaceError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
