import Foundation
import Logging
import ReportLogging

/// Everything the daemon reads at start. `load(file:overrides:)` builds it from the embedded
/// defaults, then the TOML file, then the command-line flags, each layer winning over the last.
public struct DaemonConfig: Sendable, Equatable {
    /// The folder users drop reports into. Watched, never written to except by `reportctl submit`.
    public var inbox: URL
    /// Holds the database, `processed/`, `failed/` and the default ipc sockets.
    public var dataDir: URL
    /// PUB socket the result feed is published on.
    public var feedEndpoint: String
    /// ROUTER socket `reportctl` talks to.
    public var controlEndpoint: String
    /// ROUTER socket the worker plugins connect to.
    public var workerEndpoint: String
    /// How long a file's size and mtime must stay unchanged before it is taken.
    public var settleMilliseconds: Int
    /// fnmatch(3) patterns of inbox names that are never taken (editor and download temporaries).
    public var ignorePatterns: [String]
    /// Larger files are moved to `failed/` without being read.
    public var maxFileBytes: Int
    /// `ZMQ_MAXMSGSIZE` of every socket the daemon binds (workers, control, feed): a peer sending
    /// a larger message is disconnected before it is held in memory. Nil: `defaultMaxMessageBytes`.
    public var maxMessageBytesSetting: Int?
    /// How many bytes of envelopes one `replay` reply carries (one larger envelope goes alone).
    public var replayPageBytes: Int
    /// `[control] query_timeout_ms`: how long one `get`, `compare`, `track` or `series` may run
    /// on the query thread before it is interrupted and answered with an error.
    public var queryTimeoutMilliseconds: Int
    /// How many times a job is tried before its report fails.
    public var maxAttempts: Int
    /// A job running longer than this is given up on and its worker replaced.
    public var jobTimeoutSeconds: Int
    /// The delay before the first retry; it doubles with each attempt.
    public var retryBackoffMilliseconds: Int
    /// How often broker and workers exchange heartbeats.
    public var heartbeatMilliseconds: Int
    /// How many heartbeats may be missed before a peer counts as dead.
    public var liveness: Int
    /// How long shutdown waits for running jobs and plugins before killing them.
    public var shutdownDeadlineSeconds: Int
    /// How many feed events are kept for `reportctl replay`.
    public var feedHistory: Int
    /// ZMQ_SNDHWM of the feed socket: a slow subscriber loses messages beyond this.
    public var feedHighWaterMark: Int
    public var logLevel: Logger.Level
    /// `plain` lines for people and the journal, or `json` lines for log shippers.
    public var logFormat: LogFormat
    /// The Prometheus endpoint (`[metrics]`), off unless an address is set.
    public var metrics: MetricsSettings
    /// CURVE on network endpoints and the keys it lets in.
    public var security: SecuritySettings
    public var plugins: [PluginManifest]

    public static let defaultIgnorePatterns = [".*", "*~", "*.part", "*.tmp", "*.swp", "*.crdownload", "#*#"]

    /// The defaults for the given folders; the three endpoints are ipc sockets inside `dataDir`.
    public init(inbox: URL, dataDir: URL) {
        self.inbox = inbox
        self.dataDir = dataDir
        self.feedEndpoint = Self.ipcEndpoint(in: dataDir, named: "feed.sock")
        self.controlEndpoint = Self.ipcEndpoint(in: dataDir, named: "control.sock")
        self.workerEndpoint = Self.ipcEndpoint(in: dataDir, named: "workers.sock")
        self.settleMilliseconds = 200
        self.ignorePatterns = Self.defaultIgnorePatterns
        self.maxFileBytes = 64 * 1024 * 1024
        self.maxMessageBytesSetting = nil
        self.replayPageBytes = 4 << 20
        self.queryTimeoutMilliseconds = 5000
        self.maxAttempts = 3
        self.jobTimeoutSeconds = 120
        self.retryBackoffMilliseconds = 500
        self.heartbeatMilliseconds = 1000
        self.liveness = 5
        self.shutdownDeadlineSeconds = 10
        self.feedHistory = 100_000
        self.feedHighWaterMark = 1_000
        self.logLevel = .info
        self.logFormat = .plain
        self.metrics = MetricsSettings()
        self.security = SecuritySettings(authorizedKeysDirectory: SecuritySettings.defaultAuthorizedKeysDirectory(in: dataDir),
                                         workerKeysDirectory: SecuritySettings.defaultWorkerKeysDirectory(in: dataDir))
        self.plugins = PluginManifest.embeddedDefaults
    }

    /// The message size limit in force: the setting, or room for the largest file the inbox
    /// accepts as a parse job or a `submit`, and for its parsed document, whose JSON measured
    /// 1.1 times the text (a 45 KB sample gives a 49 KB `report.parsed`): twice the file limit
    /// and 1 MiB of framing.
    public var maxMessageBytes: Int { maxMessageBytesSetting ?? 2 * maxFileBytes + (1 << 20) }

    static func ipcEndpoint(in directory: URL, named name: String) -> String {
        "ipc://" + directory.appendingPathComponent(name).path
    }

    /// The embedded defaults (`var/inbox`, `var/data`), overlaid with `file` when given, then
    /// with `overrides`. Relative inbox and data paths resolve against `currentDirectory`;
    /// `plugins_dir` resolves against the config file's own directory.
    public static func load(file: String?, overrides: ConfigOverrides,
                            currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        throws(ConfigError) -> DaemonConfig
    {
        var layers = ConfigLayers()
        if let file { layers = try ConfigFileReader.read(file: file, currentDirectory: currentDirectory) }
        layers.apply(overrides)
        return try layers.resolve(currentDirectory: currentDirectory)
    }
}
