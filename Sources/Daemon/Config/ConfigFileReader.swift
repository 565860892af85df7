import Foundation
import Logging

/// Reads reportd.toml into `ConfigLayers`, rejecting unknown keys and wrong types with the key's name.
enum ConfigFileReader {
    static let rootKeys = ["plugins_dir", "daemon", "watcher", "jobs", "shutdown", "feed", "control", "security", "metrics", "web"]

    static func read(file: String, currentDirectory: URL) throws(ConfigError) -> ConfigLayers {
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : currentDirectory.appendingPathComponent(file)
        let path = url.standardizedFileURL.path
        var root = try TOMLSection.parse(try readText(path), file: path)
        var layers = ConfigLayers()

        if var daemon = try root.section("daemon") {
            if let value = try daemon.string("inbox") { layers.inbox = sourced(value, daemon, "inbox") }
            if let value = try daemon.string("data_dir") { layers.dataDir = sourced(value, daemon, "data_dir") }
            if let value = try daemon.string("control_endpoint") { layers.control = sourced(value, daemon, "control_endpoint") }
            if let value = try daemon.string("worker_endpoint") { layers.worker = sourced(value, daemon, "worker_endpoint") }
            if let value = try daemon.string("log_level") {
                guard let level = Logger.Level(rawValue: value) else {
                    throw daemon.invalid("log_level", "`\(value)` is not one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                layers.settings.logLevel = level
            }
            if let format = try MetricsConfigReader.logFormat(&daemon) { layers.settings.logFormat = format }
            if let value = try daemon.int("max_message_bytes", atLeast: 1024) { layers.settings.maxMessageBytesSetting = value }
            try daemon.rejectUnknownKeys(known: ["inbox", "data_dir", "control_endpoint", "worker_endpoint", "log_level", "log_format",
                                                 "max_message_bytes"])
        }
        if var watcher = try root.section("watcher") {
            if let value = try watcher.int("settle_ms", atLeast: 0) { layers.settings.settleMilliseconds = value }
            if let value = try watcher.stringArray("ignore") { layers.settings.ignorePatterns = value }
            if let value = try watcher.int("max_file_bytes", atLeast: 1) { layers.settings.maxFileBytes = value }
            try watcher.rejectUnknownKeys(known: ["settle_ms", "ignore", "max_file_bytes"])
        }
        if var jobs = try root.section("jobs") {
            if let value = try jobs.int("max_attempts", atLeast: 1) { layers.settings.maxAttempts = value }
            if let value = try jobs.int("timeout_seconds", atLeast: 1) { layers.settings.jobTimeoutSeconds = value }
            if let value = try jobs.int("retry_backoff_ms", atLeast: 0) { layers.settings.retryBackoffMilliseconds = value }
            if let value = try jobs.int("heartbeat_ms", atLeast: 10) { layers.settings.heartbeatMilliseconds = value }
            if let value = try jobs.int("liveness", atLeast: 1) { layers.settings.liveness = value }
            try jobs.rejectUnknownKeys(known: ["max_attempts", "timeout_seconds", "retry_backoff_ms", "heartbeat_ms", "liveness"])
        }
        if var shutdown = try root.section("shutdown") {
            if let value = try shutdown.int("deadline_seconds", atLeast: 0) { layers.settings.shutdownDeadlineSeconds = value }
            try shutdown.rejectUnknownKeys(known: ["deadline_seconds"])
        }
        if var feed = try root.section("feed") {
            if let value = try feed.string("endpoint") { layers.feed = sourced(value, feed, "endpoint") }
            if let value = try feed.int("history", atLeast: 0) { layers.settings.feedHistory = value }
            if let value = try feed.int("high_water_mark", atLeast: 0) { layers.settings.feedHighWaterMark = value }
            if let value = try feed.int("replay_page_bytes", atLeast: 1024) { layers.settings.replayPageBytes = value }
            try feed.rejectUnknownKeys(known: ["endpoint", "history", "high_water_mark", "replay_page_bytes"])
        }
        if var control = try root.section("control") {
            if let value = try control.int("query_timeout_ms", atLeast: 10) { layers.settings.queryTimeoutMilliseconds = value }
            try control.rejectUnknownKeys(known: ["query_timeout_ms"])
        }
        if var security = try root.section("security") {
            if let value = try security.bool("curve") { layers.settings.security.curve = value }
            if let value = try security.string("authorized_keys") { layers.authorizedKeys = sourced(value, security, "authorized_keys") }
            if let value = try security.string("worker_keys") { layers.workerKeys = sourced(value, security, "worker_keys") }
            try security.rejectUnknownKeys(known: ["curve", "authorized_keys", "worker_keys"])
        }
        if var metrics = try root.section("metrics") { layers.settings.metrics = try MetricsConfigReader.read(&metrics) }
        if let pluginsDir = try root.string("plugins_dir") {
            let directory = pluginsDir.hasPrefix("/") ? URL(fileURLWithPath: pluginsDir)
                : url.deletingLastPathComponent().appendingPathComponent(pluginsDir)
            layers.settings.plugins = try PluginManifestReader.readDirectory(
                directory.standardizedFileURL, referencedFrom: path)
        }
        // reportd-web's table: its keys are that program's to check; the daemon acts on none of them.
        _ = try root.section("web")
        try root.rejectUnknownKeys(known: rootKeys)
        return layers
    }

    static func readText(_ path: String) throws(ConfigError) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: path, key: nil, reason: .unreadable("not valid UTF-8"))
            }
            return text
        } catch let error as ConfigError {
            throw error
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw ConfigError(file: path, key: nil, reason: .unreadable(reason))
        }
    }

    private static func sourced(_ value: String, _ section: TOMLSection, _ key: String) -> SourcedSetting {
        SourcedSetting(value: value, file: section.file, key: section.dotted(key))
    }
}
