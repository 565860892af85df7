import Foundation
import ReportClient

/// Where `make install` puts the daemon's data (scripts/install.sh, STATEDIR's default).
enum InstalledDaemon {
    static let dataDirectory = "/var/lib/reportd/data"
}

/// Which data directory reportctl talks to when `--data-dir` is not given: `$REPORTD_DATA_DIR`,
/// else the development daemon of `make run` (./var/data), else the installed one, each only if
/// its control socket exists; with none, ./var/data, so the "no reply" error names that socket.
enum DataDirectoryChoice {
    static func resolve(flag: String?, environment: [String: String], socketExists: (String) -> Bool) -> String {
        if let flag { return flag }
        if let fromEnvironment = environment["REPORTD_DATA_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
        let candidates = [DaemonEndpoints.defaultDataDirectory, InstalledDaemon.dataDirectory]
        return candidates.first { socketExists(URL(fileURLWithPath: $0).appendingPathComponent("control.sock").path) }
            ?? DaemonEndpoints.defaultDataDirectory
    }
}
