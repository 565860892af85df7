import Foundation
import TestSupport
import XCTest

/// Places the end-to-end tests need: the repository (found from this file's own path, so the tests
/// run the same from any working directory), its fixtures, the built executables, a Python with pyzmq,
/// and scratch folders.
enum RepositoryPaths {
    static var root: URL { Repository.root }
    static var fixtures: URL { Repository.fixtures }

    /// The sample report whose name starts with `prefix`, e.g. "003".
    static func corpusFile(_ prefix: String) throws -> URL {
        let directory = fixtures.appendingPathComponent("corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(directory.path)/\(prefix)*"])
        }
        return directory.appendingPathComponent(name)
    }

    /// An executable product of this package: from REPORTD_BIN_DIR when set, else beside the test bundle
    /// (where `swift test` builds them), else in the debug build folder.
    static func executable(_ name: String) throws -> URL {
        let candidates = binaryDirectories.map { $0.appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingBuild(name: name, searched: candidates.map(\.path))
        }
        return found
    }

    private static var binaryDirectories: [URL] {
        if let dir = ProcessInfo.processInfo.environment["REPORTD_BIN_DIR"] { return [URL(fileURLWithPath: dir)] }
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return [URL(fileURLWithPath: testBinary).deletingLastPathComponent(), root.appendingPathComponent(".build/debug")]
    }

    /// The Debian interpreter that python3-zmq installs pyzmq for; REPORTD_TEST_PYTHON overrides it.
    static var python: URL? {
        let candidates = [ProcessInfo.processInfo.environment["REPORTD_TEST_PYTHON"], "/usr/bin/python3"].compactMap { $0 }
        return candidates.map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A fresh /tmp/rpt-XXXXXXXX folder. Kept short because ipc:// paths inside it must fit in 107 bytes.
    static func shortTemporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("rpt-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A short temporary folder removed when the test ends.
    static func scratchDirectory(for test: XCTestCase) throws -> URL {
        let url = try shortTemporaryDirectory()
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    struct MissingBuild: Error, CustomStringConvertible {
        var name: String
        var searched: [String]
        var description: String {
            "\(name) is not built (looked in \(searched.joined(separator: ", "))); run `swift build` first, as `make test` does"
        }
    }
}
