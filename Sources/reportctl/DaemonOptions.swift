import ArgumentParser
import Foundation
import ReportClient
import ZMQ

/// Where the daemon listens and how long to wait for it; shared by every subcommand.
struct DaemonOptions: ParsableArguments {
    @Option(name: .customLong("control"), help: ArgumentHelp("The daemon's control endpoint.", valueName: "endpoint"))
    var controlEndpoint: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The daemon's data directory.", valueName: "dir"))
    var dataDirectory: String = DaemonEndpoints.defaultDataDirectory

    @Option(help: ArgumentHelp("Seconds to wait for each reply of the daemon.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .customLong("server-key"), help: ArgumentHelp(
        "CURVE: the daemon's public key, or a file holding it (default: $REPORTD_CURVE_SERVER_KEY).", valueName: "key|file"))
    var serverKey: String?

    @Option(name: [.customLong("key-file"), .customLong("key")], help: ArgumentHelp(
        "CURVE: this client's secret key file, from `reportctl keygen` (default: $REPORTD_CURVE_KEY_FILE).", valueName: "file"))
    var keyFile: String?

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    var resolvedControlEndpoint: String {
        controlEndpoint ?? DaemonEndpoints.control(dataDirectory: dataDirectory)
    }

    /// The CURVE client settings from the flags, else the environment; nil for a plain connection.
    func curveCredentials(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CurveClientCredentials? {
        try CurveClientCredentials.resolve(
            serverKey: serverKey ?? environment["REPORTD_CURVE_SERVER_KEY"],
            keyFile: keyFile ?? environment["REPORTD_CURVE_KEY_FILE"],
            serverSetting: "--server-key/REPORTD_CURVE_SERVER_KEY", keySetting: "--key-file/REPORTD_CURVE_KEY_FILE")
    }

    func controlClient(context: Context) throws -> ControlClient {
        try ControlClient(context: context, endpoint: resolvedControlEndpoint, curve: try curveCredentials(),
                          timeoutSeconds: timeout)
    }
}
