import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// A real `reportd-web` pointed at a test daemon, on a free loopback port it reports at start.
final class WebViewProcess {
    let child: ChildProcess
    let baseURL: String

    /// `timeout`: seconds reportd-web waits for each reply of the daemon.
    init(daemon: DaemonProcess, timeout: Double = 20, test: XCTestCase) throws {
        let logs = try RepositoryPaths.scratchDirectory(for: test)
        child = try ChildProcess(try RepositoryPaths.executable("reportd-web"),
                                 ["--listen", "127.0.0.1:0", "--data-dir", daemon.dataDir.path, "--timeout", "\(timeout)"],
                                 logDirectory: logs, test: test)
        // "reportd-web: listening on http://127.0.0.1:PORT/ (daemon at …)" on stderr.
        let deadline = Date().addingTimeInterval(30)
        var found: String?
        while found == nil, Date() < deadline, child.process.isRunning {
            found = child.errorOutput.split(separator: "\n").lazy.compactMap { line -> String? in
                guard let start = line.range(of: "listening on ")?.upperBound, let end = line[start...].firstIndex(of: " ") else { return nil }
                return String(line[start..<end])
            }.first
            if found == nil { usleep(50_000) }
        }
        guard let found else {
            throw FixtureFailure(message: "reportd-web did not say where it listens:\n\(child.errorOutput)")
        }
        baseURL = found.hasSuffix("/") ? String(found.dropLast()) : found
    }

    func url(_ path: String) -> String { baseURL + path }

    /// GET over plain HTTP: status, headers and body, for what a browser does not show.
    func get(_ path: String) throws -> (status: Int, headers: [String: String], body: String) {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: String], String)?
        nonisolated(unsafe) var failure: (any Error)?
        let task = URLSession.shared.dataTask(with: URL(string: url(path))!) { data, response, error in
            if let http = response as? HTTPURLResponse {
                let headers = Dictionary(uniqueKeysWithValues: http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") })
                result = (http.statusCode, headers, String(decoding: data ?? Data(), as: UTF8.self))
            } else {
                failure = error ?? FixtureFailure(message: "no HTTP response for \(path)")
            }
            semaphore.signal()
        }
        task.resume()
        guard semaphore.wait(timeout: .now() + 60) == .success else {
            throw FixtureFailure(message: "GET \(path) did not finish within 60 s")
        }
        if let failure { throw failure }
        return result!
    }
}
