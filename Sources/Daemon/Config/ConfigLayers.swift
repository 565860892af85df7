import Foundation
import ReportProtocol

/// A setting together with where it came from, so a value that fails validation late
/// (a socket path that turns out too long once resolved) can still be blamed on its origin.
struct SourcedSetting: Equatable {
    var value: String
    /// The config file, or nil for a command-line flag or a built-in default.
    var file: String?
    /// The dotted key or the flag name.
    var key: String
}

/// The settings gathered so far, before paths are resolved and endpoints derived.
struct ConfigLayers {
    /// Scalar settings and plugins; its folders and endpoints are replaced by `resolve`.
    var settings = DaemonConfig(inbox: URL(fileURLWithPath: "/"), dataDir: URL(fileURLWithPath: "/"))
    var inbox = SourcedSetting(value: "var/inbox", file: nil, key: "daemon.inbox")
    var dataDir = SourcedSetting(value: "var/data", file: nil, key: "daemon.data_dir")
    var feed: SourcedSetting?
    var control: SourcedSetting?
    var worker: SourcedSetting?
    /// `security.authorized_keys`; relative paths resolve against the data directory.
    var authorizedKeys: SourcedSetting?
    /// `security.worker_keys`, resolved the same way.
    var workerKeys: SourcedSetting?

    mutating func apply(_ overrides: ConfigOverrides) {
        if let inbox = overrides.inbox { self.inbox = SourcedSetting(value: inbox, file: nil, key: "--inbox") }
        if let dataDir = overrides.dataDir { self.dataDir = SourcedSetting(value: dataDir, file: nil, key: "--data-dir") }
        if let feed = overrides.feed { self.feed = SourcedSetting(value: feed, file: nil, key: "--feed") }
        if let control = overrides.control { self.control = SourcedSetting(value: control, file: nil, key: "--control") }
    }

    func resolve(currentDirectory: URL) throws(ConfigError) -> DaemonConfig {
        var config = settings
        config.inbox = try Self.directory(inbox, currentDirectory: currentDirectory)
        config.dataDir = try Self.directory(dataDir, currentDirectory: currentDirectory)
        // Derived endpoints inherit the data dir's origin: that is the setting to change if too long.
        func endpoint(_ explicit: SourcedSetting?, _ derived: KeyPath<DataDirectoryLayout, String>) throws(ConfigError) -> String {
            let setting = explicit ?? SourcedSetting(value: config.layout[keyPath: derived], file: dataDir.file, key: dataDir.key)
            try EndpointRule.validate(setting)
            try EndpointPolicy.check(setting, curve: settings.security.curve)
            return setting.value
        }
        config.feedEndpoint = try endpoint(feed, \.feedEndpoint)
        config.controlEndpoint = try endpoint(control, \.controlEndpoint)
        config.workerEndpoint = try endpoint(worker, \.workerEndpoint)
        config.security.authorizedKeysDirectory = try authorizedKeys.map { setting throws(ConfigError) in
            try Self.directory(setting, currentDirectory: config.dataDir)
        } ?? config.layout.authorizedKeys
        config.security.workerKeysDirectory = try workerKeys.map { setting throws(ConfigError) in
            try Self.directory(setting, currentDirectory: config.dataDir)
        } ?? config.layout.workerKeys
        if config.security.workerKeysDirectory.path == config.security.authorizedKeysDirectory.path {
            throw ConfigError(file: workerKeys?.file, key: workerKeys?.key ?? "security.worker_keys", reason: .invalidValue(
                "worker keys and client keys (security.authorized_keys) must be separate folders: a worker's key must not open the control socket"))
        }
        let endpoints = [config.feedEndpoint, config.controlEndpoint, config.workerEndpoint]
        if Set(endpoints).count != endpoints.count {
            throw ConfigError(file: nil, key: nil, reason: .invalidValue(
                "the feed, control and worker endpoints must differ, got \(endpoints.joined(separator: ", "))"))
        }
        if config.inbox.path == config.dataDir.path {
            throw ConfigError(file: dataDir.file, key: dataDir.key, reason: .invalidValue(
                "the data directory must not be the inbox (\(config.inbox.path))"))
        }
        return config
    }

    private static func directory(_ setting: SourcedSetting, currentDirectory: URL) throws(ConfigError) -> URL {
        guard !setting.value.isEmpty else {
            throw ConfigError(file: setting.file, key: setting.key, reason: .invalidValue("must not be empty"))
        }
        let expanded = (setting.value as NSString).expandingTildeInPath
        // Always a directory URL: otherwise Foundation asks the file system, and a folder the daemon
        // created after the first load makes every reload see `daemon.inbox` (and the rest) as changed.
        let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded, isDirectory: true)
            : currentDirectory.appendingPathComponent(expanded, isDirectory: true)
        return url.standardizedFileURL
    }
}

/// What makes a ZeroMQ endpoint usable by the daemon.
enum EndpointRule {
    static let schemes = ["tcp", "ipc", "inproc", "ws", "wss"]
    /// sockaddr_un.sun_path holds 108 bytes including the terminating NUL.
    static let maxIPCPathBytes = 107

    static func validate(_ setting: SourcedSetting) throws(ConfigError) {
        let parts = setting.value.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, schemes.contains(String(parts[0])), parts[1].hasPrefix("//"), parts[1].count > 2 else {
            throw ConfigError(file: setting.file, key: setting.key, reason: .invalidValue(
                "`\(setting.value)` is not a ZeroMQ endpoint like tcp://127.0.0.1:5560 or ipc:///run/reportd/feed.sock"))
        }
        if parts[0] == "ipc" {
            let path = parts[1].dropFirst(2)
            if path.utf8.count > maxIPCPathBytes {
                throw ConfigError(file: setting.file, key: setting.key, reason: .invalidValue(
                    "ipc socket path \(path) is \(path.utf8.count) bytes, the kernel allows \(maxIPCPathBytes); use a shorter data directory or a tcp:// endpoint"))
            }
        }
    }
}
