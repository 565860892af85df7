import Foundation

/// Finds the `Config/` folder that holds the plugins' data files (dictionaries, stop lists),
/// so the same binary works from a build tree and from an installed system:
/// `REPORTD_CONFIG_DIR`, else a `Config/` above the executable (the repository of a build tree),
/// else `/etc/reportd` (where `make install` puts it).
public enum ConfigDirectory {
    public static func locate(containing relativePath: String) throws -> URL {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["REPORTD_CONFIG_DIR"] {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directory = URL(fileURLWithPath: real).deletingLastPathComponent()
        }
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent("Config"))
            directory.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/etc/reportd"))
        if let found = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(relativePath).path)
        }) {
            return found
        }
        throw ConfigDirectoryError(relativePath: relativePath, searched: candidates.map(\.path))
    }
}

public struct ConfigDirectoryError: Error, CustomStringConvertible {
    public let relativePath: String
    public let searched: [String]
    public var description: String {
        "cannot find \(relativePath) in REPORTD_CONFIG_DIR or any of: \(searched.joined(separator: ", "))"
    }
}
