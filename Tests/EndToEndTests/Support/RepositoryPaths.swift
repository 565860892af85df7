import Foundation

/// Paths the end-to-end tests need: the repository, its fixtures and the built executables.
enum RepositoryPaths {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }

    static func corpusFile(_ prefix: String) throws -> URL {
        let directory = fixtures.appendingPathComponent("corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(directory.path)/\(prefix)*"])
        }
        return directory.appendingPathComponent(name)
    }

    /// Where `swift build` put reportd and the plugins: REPORTD_BIN_DIR, or the debug build folder.
    static var binaries: URL {
        if let dir = ProcessInfo.processInfo.environment["REPORTD_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        return root.appendingPathComponent(".build/debug")
    }
}
