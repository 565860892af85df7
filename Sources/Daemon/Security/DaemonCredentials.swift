import Foundation
import ReportProtocol
import Logging
import ZMQ

/// The daemon's CURVE key pairs in `<dataDir>/keys` (mode 0700), made on first start:
/// `server` is what clients must know, `plugins` is what the daemon's own plugins present
/// (trusted without an authorised-keys file, since the daemon hands it only to its children).
struct DaemonCredentials {
    static let serverName = "server"
    static let pluginsName = "plugins"

    let directory: URL
    let server: CurveKeyPair
    let plugins: CurveKeyPair

    var serverPublicKeyFile: URL { CurveKeyFiles.publicFile(in: directory, name: Self.serverName) }
    var pluginsSecretKeyFile: URL { CurveKeyFiles.secretFile(in: directory, name: Self.pluginsName) }

    static func loadOrCreate(dataDir: URL, authorizedKeysDirectory: URL, workerKeysDirectory: URL? = nil) throws -> DaemonCredentials {
        let directory = DataDirectoryLayout(dataDir).keys
        try makePrivateDirectory(directory)
        for keys in [authorizedKeysDirectory, workerKeysDirectory].compactMap({ $0 }) where keys.path.hasPrefix(directory.path + "/") {
            try makePrivateDirectory(keys)
        }
        return DaemonCredentials(
            directory: directory,
            server: try CurveKeyFiles.loadOrCreate(in: directory, name: serverName, comment: "reportd server key"),
            plugins: try CurveKeyFiles.loadOrCreate(in: directory, name: pluginsName, comment: "reportd's own plugins"))
    }

    /// What a supervised plugin needs to connect as a CURVE client.
    var pluginEnvironment: [String: String] {
        ["REPORTD_CURVE_SERVER_KEY": server.publicKey, "REPORTD_CURVE_KEY_FILE": pluginsSecretKeyFile.path]
    }

    /// Creates `directory` with mode 0700, tightening an existing one that others could enter.
    private static func makePrivateDirectory(_ directory: URL) throws {
        if mkdir(directory.path, 0o700) != 0 && errno != EEXIST {
            throw CurveKeyFileError(path: directory.path, reason: "cannot create the folder (\(String(cString: strerror(errno))))")
        }
        var status = stat()
        if stat(directory.path, &status) == 0, status.st_mode & 0o077 != 0 {
            chmod(directory.path, 0o700)
        }
    }
}
