import Foundation
import XCTest

/// Runs the reportctl built with the tests, pointed at a daemon's data directory.
struct Reportctl {
    struct Run {
        var status: Int32?
        var output: String
        var errorOutput: String
    }

    let executable: URL
    let dataDirectory: URL
    /// Where each run's stdout and stderr are captured; not the data directory, which is the daemon's.
    let logDirectory: URL
    let test: XCTestCase

    init(dataDirectory: URL, logDirectory: URL, test: XCTestCase) throws {
        executable = try RepositoryPaths.executable("reportctl")
        self.dataDirectory = dataDirectory
        self.logDirectory = logDirectory
        self.test = test
    }

    /// A reportctl talking to `daemon`, its output kept beside the daemon's log.
    init(daemon: DaemonProcess, test: XCTestCase) throws {
        try self.init(dataDirectory: daemon.dataDir, logDirectory: daemon.root, test: test)
    }

    /// Starts `reportctl <arguments> --data-dir <dir>` and returns at once.
    func start(_ arguments: [String], standardOutput: Any? = nil) throws -> ChildProcess {
        try ChildProcess(executable, arguments + ["--data-dir", dataDirectory.path], logDirectory: logDirectory,
                         standardOutput: standardOutput, test: test)
    }

    /// Runs to the end; the wait bounds a hang, it does not measure speed.
    func run(_ arguments: [String]) throws -> Run {
        let process = try start(arguments)
        let status = process.exitStatus(within: 60)
        return Run(status: status, output: process.output, errorOutput: process.errorOutput)
    }
}
