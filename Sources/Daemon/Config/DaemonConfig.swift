import Foundation
import ReportProtocol
import Logging
import ReportLogging

/// Everything the daemon reads at start. `load(file:overrides:)` builds it from the embedded
/// defaults, then the TOML file, then the command-line flags, each layer winning over the last.
public struct DaemonConfig: Sendable, Equatable {
    /// The folder users drop reports into. Watched, never written to except by `reportctl submit`.
    var inbox: URL
    /// Holds the database, `processed/`, `failed/` and the default ipc sockets.
    var dataDir: URL
    /// PUB socket the result feed is published on.
    var feedEndpoint: String
    /// ROUTER socket `reportctl` talks to.
    var controlEndpoint: String
    /// ROUTER socket the worker plugins connect to.
    var workerEndpoint: String
    /// How long a file's size and mtime must stay unchanged before it is taken.
    var settleMilliseconds: Int
    /// fnmatch(3) patterns of inbox names that are never taken (editor and download temporaries).
    var ignorePatterns: [String]
    /// Larger files are moved to `failed/` without being read.
    var maxFileBytes: Int
    /// `ZMQ_MAXMSGSIZE` of every socket the daemon binds (workers, control, feed): a peer sending
    /// a larger message is disconnected before it is held in memory. Nil: `defaultMaxMessageBytes`.
    var maxMessageBytesSetting: Int?
    /// How many bytes of envelopes one `replay` reply carries (one larger envelope goes alone).
    var replayPageBytes: Int
    /// `[control] query_timeout_ms`: how long one `get`, `compare`, `track` or `series` may run
    /// on the query thread before it is interrupted and answered with an error.
    var queryTimeoutMilliseconds: Int
    /// How many times a job is tried before its report fails.
    var maxAttempts: Int
    /// A job running longer than this is given up on and its worker replaced.
    var jobTimeoutSeconds: Int
    /// The delay before the first retry; it doubles with each attempt.
    var retryBackoffMilliseconds: Int
    /// How often broker and workers exchange heartbeats.
    var heartbeatMilliseconds: Int
    /// How many heartbeats may be missed before a peer counts as dead.
    var liveness: Int
    /// How long shutdown waits for running jobs and plugins before killing them.
    var shutdownDeadlineSeconds: Int
    /// How many feed events are kept for `reportctl replay`.
    var feedHistory: Int
    /// ZMQ_SNDHWM of the feed socket: a slow subscriber loses messages beyond this.
    var feedHighWaterMark: Int
    public var logLevel: Logger.Level
    /// `plain` lines for people and the journal, or `json` lines for log shippers.
    public var logFormat: LogFormat
    /// The Prometheus endpoint (`[metrics]`), off unless an address is set.
    var metrics: MetricsSettings
    /// CURVE on network endpoints and the keys it lets in.
    var security: SecuritySettings
    var plugins: [PluginManifest]

    static let defaultIgnorePatterns = [".*", "*~", "*.part", "*.tmp", "*.swp", "*.crdownload", "#*#"]

    /// The defaults for the given folders; the three endpoints are ipc sockets inside `dataDir`.
    init(inbox: URL, dataDir: URL) {
        self.inbox = inbox
        self.dataDir = dataDir
        let layout = DataDirectoryLayout(dataDir)
        self.feedEndpoint = layout.feedEndpoint
        self.controlEndpoint = layout.controlEndpoint
        self.workerEndpoint = layout.workerEndpoint
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
        self.security = SecuritySettings(authorizedKeysDirectory: layout.authorizedKeys, workerKeysDirectory: layout.workerKeys)
        self.plugins = PluginManifest.embeddedDefaults
    }

    /// The message size limit in force: the setting, or room for the largest file the inbox
    /// accepts as a parse job or a `submit`, and for its parsed document, whose JSON measured
    /// 1.1 times the text (a 45 KB sample gives a 49 KB `report.parsed`): twice the file limit
    /// and 1 MiB of framing.
    var maxMessageBytes: Int { maxMessageBytesSetting ?? 2 * maxFileBytes + (1 << 20) }

    /// Where the store, work files, shelves, keys and default sockets are inside `dataDir`.
    var layout: DataDirectoryLayout { DataDirectoryLayout(dataDir) }

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
