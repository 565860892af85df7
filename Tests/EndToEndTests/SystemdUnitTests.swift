import Foundation
import XCTest

/// Checks deploy/reportd.service the way systemd itself reads it, so a typo in a
/// directive or a weakened sandbox fails CI instead of a production start.
final class SystemdUnitTests: XCTestCase {
    /// systemd calls 0–2 "OK" or better; the unit scored 1.2 with systemd 252.
    private let maximumExposure = 2.0

    func testUnitPassesSystemdVerifyWithoutWarnings() throws {
        try assertVerifiesWithoutWarnings("reportd")
    }

    func testSandboxExposureStaysLow() throws {
        try assertExposureStaysLow("reportd")
    }

    func testTheWebViewUnitPassesSystemdVerifyWithoutWarnings() throws {
        try assertVerifiesWithoutWarnings("reportd-web")
    }

    func testTheWebViewUnitsSandboxExposureStaysLow() throws {
        try assertExposureStaysLow("reportd-web")
    }

    private func assertVerifiesWithoutWarnings(_ name: String) throws {
        let analyze = try systemdAnalyze()
        let unit = try stagedUnit(name)

        let result = try run(analyze, ["verify", "--recursive-errors=no", unit.path])

        // verify also prints warnings about other units on the machine; only ours matter here.
        let ours = result.output.split(separator: "\n").filter { $0.contains(name) }
        XCTAssertEqual(result.status, 0, "systemd-analyze verify failed:\n\(result.output)")
        XCTAssertEqual(ours, [], "systemd-analyze verify warned about \(name).service:\n\(result.output)")
    }

    private func assertExposureStaysLow(_ name: String) throws {
        let analyze = try systemdAnalyze()
        let unit = try stagedUnit(name)

        let result = try run(analyze, ["security", "--offline=yes", "--no-pager", unit.path])

        XCTAssertEqual(result.status, 0, "systemd-analyze security failed:\n\(result.output)")
        let exposure = try XCTUnwrap(Self.overallExposure(in: result.output),
                                     "no \"Overall exposure level\" line in:\n\(result.output)")
        XCTAssertLessThan(exposure, maximumExposure, "the sandbox of \(name).service got weaker:\n\(result.output)")
    }

    /// The unit sets MemoryDenyWriteExecute=yes; a binary that needs writable code pages
    /// would die at start. The kernel's PR_SET_MDWE applies the same rule to a child process.
    func testSwiftExecutablesRunWhenWritableCodeIsRefused() throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw XCTSkip("/usr/bin/python3 is needed to set PR_SET_MDWE before exec")
        }
        for name in ["reportd", "reportctl", "reportd-web"] {
            let executable = try RepositoryPaths.executable(name)
            let result = try run(python, ["-c", Self.refuseWritableCode, executable.path, "--help"])
            if result.status == Self.mdweUnsupported {
                throw XCTSkip("this kernel has no PR_SET_MDWE (Linux 6.3+)")
            }
            XCTAssertEqual(result.status, 0, "\(name) --help failed with writable code refused:\n\(result.output)")
        }
    }

    /// The shipped plugin manifests run batch workers nicer (`nice = 5`), which the daemon does
    /// with setpriority; @resources, which the unit denies, holds it. Reads the unit's
    /// SystemCallFilter lines in order as systemd does when the first is an allow list: later
    /// lines remove (`~`) or add back system calls, groups expanded by systemd-analyze itself.
    func testTheSyscallFilterAllowsWhatPluginNiceNeeds() throws {
        let analyze = try systemdAnalyze()
        let plugins = RepositoryPaths.root.appendingPathComponent("Config/plugins")
        let niceValues = try FileManager.default.contentsOfDirectory(atPath: plugins.path).filter { $0.hasSuffix(".toml") }
            .flatMap { name in
                try String(contentsOf: plugins.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
                    .filter { $0.hasPrefix("nice = ") }.compactMap { Int($0.dropFirst("nice = ".count)) }
            }
        XCTAssertTrue(niceValues.contains { $0 > 0 }, "no shipped manifest is nicer than the daemon: nothing to check")

        let unit = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("deploy/reportd.service"), encoding: .utf8)
        let filters = unit.split(separator: "\n").filter { $0.hasPrefix("SystemCallFilter=") }
            .map { $0.dropFirst("SystemCallFilter=".count) }
        XCTAssertFalse(filters.first?.hasPrefix("~") ?? true, "the first SystemCallFilter must be an allow list")
        var allowed = Set<String>()
        for filter in filters {
            let denies = filter.hasPrefix("~")
            let calls = try filter.dropFirst(denies ? 1 : 0).split(separator: " ").flatMap { try systemCalls(String($0), analyze) }
            if denies { allowed.subtract(calls) } else { allowed.formUnion(calls) }
        }
        XCTAssertTrue(allowed.contains("setpriority"), "the unit's SystemCallFilter denies setpriority, which plugin nice needs")
        XCTAssertTrue(allowed.contains("prlimit64"), "the unit's SystemCallFilter denies prlimit64, which plugin limits need")
        XCTAssertFalse(allowed.contains("sched_setscheduler"), "the rest of @resources stays denied")
    }

    // MARK: - Helpers

    /// The system calls a SystemCallFilter entry names: itself, or a group's, expanded.
    private func systemCalls(_ entry: String, _ analyze: URL) throws -> [String] {
        guard entry.hasPrefix("@") else { return [entry] }
        let result = try run(analyze, ["syscall-filter", entry])
        XCTAssertEqual(result.status, 0, result.output)
        let lines = result.output.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        return try lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.flatMap { try systemCalls($0, analyze) }
    }

    private static let mdweUnsupported: Int32 = 77

    /// Turns on PR_MDWE_REFUSE_EXEC_GAIN, proves a writable+executable mapping is refused,
    /// then execs argv[1:] under that rule, which the kernel keeps across exec.
    private static let refuseWritableCode = """
    import ctypes, mmap, os, sys
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(65, 1, 0, 0, 0) != 0:
        sys.exit(77)
    try:
        mmap.mmap(-1, 4096, prot=mmap.PROT_WRITE | mmap.PROT_EXEC)
        sys.exit("PR_SET_MDWE is on but a writable executable mapping was still allowed")
    except PermissionError:
        pass
    os.execv(sys.argv[1], sys.argv[1:])
    """

    static func overallExposure(in output: String) -> Double? {
        for line in output.split(separator: "\n") where line.contains("Overall exposure level") {
            // "→ Overall exposure level for reportd.service: 1.2 OK 🙂"
            guard let colon = line.lastIndex(of: ":") else { continue }
            let number = line[line.index(after: colon)...].split(separator: " ").first
            return number.flatMap { Double($0) }
        }
        return nil
    }

    private func systemdAnalyze() throws -> URL {
        for path in ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        throw XCTSkip("systemd-analyze is not installed (Debian package systemd; scripts/install-deps.sh installs it)")
    }

    /// A copy of the unit whose ExecStart names the executable just built: verify checks that
    /// the binary exists, and /usr/local/bin/NAME only does after `make install`.
    /// Everything else, arguments included, is the file as shipped.
    private func stagedUnit(_ name: String) throws -> URL {
        let shipped = RepositoryPaths.root.appendingPathComponent("deploy/\(name).service")
        let text = try String(contentsOf: shipped, encoding: .utf8)
        let installedPath = "ExecStart=/usr/local/bin/\(name) "
        XCTAssertTrue(text.contains(installedPath), "deploy/\(name).service no longer starts /usr/local/bin/\(name)")
        let built = try RepositoryPaths.executable(name)
        let staged = text.replacingOccurrences(of: installedPath, with: "ExecStart=\(built.path) ")

        let directory = try RepositoryPaths.scratchDirectory(for: self)
        // The unit's name is its file name, so it must stay NAME.service.
        let unit = directory.appendingPathComponent("\(name).service")
        try staged.write(to: unit, atomically: true, encoding: .utf8)
        return unit
    }

    private struct Finished {
        var status: Int32
        /// stdout and stderr interleaved, as a person would see them.
        var output: String
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> Finished {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
