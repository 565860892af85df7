import Foundation

/// The daemon's default endpoints, derived from its data directory as reportd derives them.
public enum DaemonEndpoints {
    public static let defaultDataDirectory = "./var/data"

    public static func control(dataDirectory: String) -> String { ipc(dataDirectory, "control.sock") }
    public static func feed(dataDirectory: String) -> String { ipc(dataDirectory, "feed.sock") }

    /// Absolute, so error messages name the exact socket file whatever the working directory.
    private static func ipc(_ dataDirectory: String, _ name: String) -> String {
        let directory = URL(fileURLWithPath: dataDirectory).standardizedFileURL
        return "ipc://" + directory.appendingPathComponent(name).path
    }
}
