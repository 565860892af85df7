import Foundation
import XCTest

/// Runs the reportctl built with the tests, pointed at a data directory.
struct Reportctl {
    struct Run {
        var status: Int32?
        var output: String
        var errorOutput: String
    }

    let executable: URL
    let dataDirectory: URL
    let test: XCTestCase

    init(dataDirectory: URL, test: XCTestCase) throws {
        guard let executable = TestPaths.builtExecutable("reportctl") else {
            throw XCTSkip("reportctl is not built; `swift build` builds it beside the tests")
        }
        self.executable = executable
        self.dataDirectory = dataDirectory
        self.test = test
    }

    /// Starts `reportctl <arguments> --data-dir <dir>` and returns at once.
    func start(_ arguments: [String], standardOutput: Any? = nil) throws -> ChildProcess {
        try ChildProcess(executable, arguments + ["--data-dir", dataDirectory.path], logDirectory: dataDirectory,
                         standardOutput: standardOutput, test: test)
    }

    /// Runs to the end; the wait bounds a hang, it does not measure speed.
    func run(_ arguments: [String]) throws -> Run {
        let process = try start(arguments)
        let status = process.exitStatus(within: 60)
        return Run(status: status, output: process.output, errorOutput: process.errorOutput)
    }
}
