import Foundation
import Logging
import ZMQ

/// Everything the daemon loop needs for CURVE, set up before any server socket binds:
/// the key pairs (always made, so the public key can be handed out before CURVE is turned on),
/// and, with `security.curve`, the ZAP handler and the plugins' client settings.
struct DaemonSecurity {
    let sockets: SocketSecurity
    /// Present only with CURVE on; the loop polls its socket.
    let zap: ZAPHandler?
    private let credentials: DaemonCredentials

    init(configuration: DaemonConfig, context: Context, logger: Logger) throws {
        let settings = configuration.security
        credentials = try DaemonCredentials.loadOrCreate(
            dataDir: configuration.dataDir, authorizedKeysDirectory: settings.authorizedKeysDirectory,
            workerKeysDirectory: settings.workerKeysDirectory)
        guard settings.curve else {
            sockets = SocketSecurity(credentials: nil, maxMessageBytes: configuration.maxMessageBytes)
            zap = nil
            return
        }
        zap = try ZAPHandler(context: context, clientKeysDirectory: settings.authorizedKeysDirectory,
                             workerKeysDirectory: settings.workerKeysDirectory,
                             alwaysAllowedWorkers: [credentials.plugins.publicKey: "reportd-plugins"], logger: logger)
        sockets = SocketSecurity(credentials: credentials, maxMessageBytes: configuration.maxMessageBytes)
        // Operators copy this to each remote worker; stdout too, as `make run` shows it.
        let line = "curve: server public key \(credentials.server.publicKey) (\(credentials.serverPublicKeyFile.path)); "
            + "authorised client keys: \(settings.authorizedKeysDirectory.path)/*.key, "
            + "worker keys: \(settings.workerKeysDirectory.path)/*.key"
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
        logger.info("\(line)")
    }

    /// The endpoint the daemon's own plugins connect to.
    func pluginEndpoint(workerEndpoint: String) -> String {
        SocketSecurity.localConnectEndpoint(for: workerEndpoint)
    }

    /// The daemon's environment plus, when the worker socket uses CURVE, the plugins' key settings.
    func pluginEnvironment(workerEndpoint: String,
                           base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        guard sockets.pluginsNeedCurve(workerEndpoint: workerEndpoint) else { return base }
        return base.merging(credentials.pluginEnvironment) { _, own in own }
    }
}
