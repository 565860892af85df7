import Foundation
import ReportProtocol

/// The daemon's default endpoints, derived from its data directory as reportd derives them.
public enum DaemonEndpoints {
    public static let defaultDataDirectory = "./var/data"

    public static func control(dataDirectory: String) -> String { layout(dataDirectory).controlEndpoint }
    public static func feed(dataDirectory: String) -> String { layout(dataDirectory).feedEndpoint }

    private static func layout(_ dataDirectory: String) -> DataDirectoryLayout {
        DataDirectoryLayout(URL(fileURLWithPath: dataDirectory))
    }
}
