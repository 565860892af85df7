import Foundation
import XCTest

/// `make install`'s script, staged into a scratch DESTDIR from the binaries the tests built:
/// the man pages and shell completions come from the binaries' own argument parsers.
final class InstallScriptTests: XCTestCase {
    func testAStagedInstallPutsBinariesManPagesAndCompletionsInPlace() throws {
        let destination = try RepositoryPaths.scratchDirectory(for: self).appendingPathComponent("staged")
        let buildDirectory = try RepositoryPaths.executable("reportctl").deletingLastPathComponent()
        let run = try Self.run("/bin/bash", ["scripts/install.sh"], environment: [
            "DESTDIR": destination.path, "PREFIX": "/usr/local", "BUILD_DIR": buildDirectory.path,
        ])
        XCTAssertEqual(run.status, 0, run.output)

        let prefix = destination.appendingPathComponent("usr/local")
        for executable in ["reportd", "reportctl", "report-parser", "report-indexer", "report-summarizer"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/\(executable)").path), executable)
        }
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/reportctl.1"), encoding: .utf8)
        XCTAssertTrue(manual.hasPrefix(".TH \"REPORTCTL\" \"1\""), String(manual.prefix(200)))
        for subcommand in ["list", "submit", "search", "subscribe"] {
            XCTAssertTrue(manual.contains(".SS reportctl \(subcommand)"), "the man page documents \(subcommand)")
        }
        XCTAssertTrue(manual.contains("\\-\\-wait"), "submit's --wait is in the man page")
        XCTAssertTrue(manual.contains("77  the daemon refused"), "the exit statuses are in the man page")
        let daemonManual = try String(contentsOf: prefix.appendingPathComponent("share/man/man8/reportd.8"), encoding: .utf8)
        XCTAssertTrue(daemonManual.contains("\\-\\-config"), "reportd's page documents its flags")

        // groff reads both pages without a warning, for a UTF-8 terminal as man-db renders them.
        for page in ["share/man/man1/reportctl.1", "share/man/man8/reportd.8"] {
            let check = try Self.run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", prefix.appendingPathComponent(page).path])
            XCTAssertEqual(check.status, 0, check.output)
            XCTAssertEqual(check.output, "", "groff warns about \(page)")
        }

        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/reportctl"), encoding: .utf8)
        XCTAssertTrue(bash.contains("list") && bash.contains("--wait"), "bash completes subcommands and their flags")
        // bash itself accepts the completion script.
        let source = try Self.run("/bin/bash", ["-n", prefix.appendingPathComponent("share/bash-completion/completions/reportctl").path])
        XCTAssertEqual(source.status, 0, source.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/zsh/site-functions/_reportctl").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/fish/vendor_completions.d/reportctl.fish").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: destination.appendingPathComponent("etc/systemd/system/reportd.service").path))

        let uninstall = try Self.run("/bin/bash", ["scripts/uninstall.sh"], environment: ["DESTDIR": destination.path, "PREFIX": "/usr/local"])
        XCTAssertEqual(uninstall.status, 0, uninstall.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/man/man1/reportctl.1").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/bash-completion/completions/reportctl").path))
    }

    private static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = RepositoryPaths.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
