import Foundation
import XCTest

/// Debian's chromium, headless, as root (`--no-sandbox`): the rendered DOM and screenshots of a page.
struct HeadlessChromium {
    let executable: URL
    /// Where screenshots go: REPORTD_TEST_OUTPUT, else .build/test-output/, kept after the test.
    let outputDirectory: URL

    init() throws {
        guard let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed (Debian package chromium; scripts/install-deps.sh installs it)")
        }
        executable = URL(fileURLWithPath: found)
        let base = ProcessInfo.processInfo.environment["REPORTD_TEST_OUTPUT"].map(URL.init(fileURLWithPath:))
            ?? RepositoryPaths.root.appendingPathComponent(".build/test-output")
        outputDirectory = base.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    }

    /// How long a page may take to load before chromium gives up on it and dumps what it has:
    /// a bound for a loaded machine, not a measurement (a page loads in milliseconds when quiet).
    static let loadMilliseconds = 15_000

    private var common: [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--disable-dev-shm-usage"]
    }

    /// The DOM after the page loaded and its scripts ran. `--timeout` (real time) rather than
    /// `--virtual-time-budget`: the inbox keeps an EventSource open, and virtual time waits for
    /// open requests, so it would never end.
    func dumpDOM(_ url: String) throws -> String {
        let run = try Self.run(executable, common + ["--timeout=\(Self.loadMilliseconds)", "--dump-dom", url])
        guard run.status == 0, run.output.contains("<html") else {
            throw FixtureFailure(message: "chromium --dump-dom \(url) exited \(run.status):\n\(run.output)\n\(run.errors.suffix(2000))")
        }
        return run.output
    }

    /// A PNG of the page at `width`×`height` CSS pixels, written to the output folder as `name`.png.
    @discardableResult
    func screenshot(_ url: String, name: String, width: Int = 1280, height: Int = 1600) throws -> URL {
        let file = outputDirectory.appendingPathComponent("\(name).png")
        try? FileManager.default.removeItem(at: file)
        let run = try Self.run(executable, common + ["--timeout=\(Self.loadMilliseconds)", "--window-size=\(width),\(height)",
                                                     "--screenshot=\(file.path)", url])
        guard run.status == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw FixtureFailure(message: "chromium --screenshot \(url) exited \(run.status):\n\(run.errors.suffix(2000))")
        }
        return file
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { usleep(10_000) }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
