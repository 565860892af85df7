import Foundation

/// A process's memory as the kernel reports it in /proc/<pid>/status.
enum ProcessMemory {
    /// VmHWM: the peak resident set size, in KiB.
    static func peakResidentKilobytes(of pid: Int32) -> Int? { field("VmHWM", of: pid) }

    /// VmRSS: the current resident set size, in KiB.
    static func residentKilobytes(of pid: Int32) -> Int? { field("VmRSS", of: pid) }

    private static func field(_ name: String, of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
        return line?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
    }
}
