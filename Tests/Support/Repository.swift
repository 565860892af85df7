import Foundation

/// Paths inside the checkout, found by walking up from this file to Package.swift, so tests
/// run the same from any working directory.
public enum Repository {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The shipped configuration: Config/dict/domain.txt, the stop list, reportd.toml.
    public static var config: URL { root.appendingPathComponent("Config") }

    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
}
