import Foundation
import XCTest

/// Places in the repository and scratch folders, found from this file's own path
/// so the tests run the same from any working directory.
enum TestPaths {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static func corpusFile(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/Fixtures/corpus").appendingPathComponent(name)
    }

    /// A fresh directory removed when the test ends. Kept short: ipc:// paths must fit in 107 bytes.
    static func scratchDirectory(for test: XCTestCase) throws -> URL {
        let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("rpt-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The Debian interpreter that python3-zmq installs pyzmq for; REPORTD_TEST_PYTHON overrides it.
    static var python: URL? {
        let candidates = [ProcessInfo.processInfo.environment["REPORTD_TEST_PYTHON"], "/usr/bin/python3"].compactMap { $0 }
        return candidates.map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// An executable product of this package, built beside the test bundle.
    static func builtExecutable(_ name: String) -> URL? {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        let candidates = [
            URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent(name),
            repository.appendingPathComponent(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
