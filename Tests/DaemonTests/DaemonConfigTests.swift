import Foundation
import ReportProtocol
import XCTest
@testable import Daemon

final class DaemonConfigTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(self)
    }

    private func config(_ toml: String, named name: String = "reportd.toml",
                        overrides: ConfigOverrides = .init()) throws -> DaemonConfig {
        let file = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try write(toml, to: file)
        return try DaemonConfig.load(file: file.path, overrides: overrides, currentDirectory: directory)
    }

    private func configError(_ toml: String, file: String = "reportd.toml") -> ConfigError? {
        do {
            _ = try config(toml, named: file)
            XCTFail("expected a ConfigError for:\n\(toml)")
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    /// Found in review: the default key folders compared unequal once the daemon had made them
    /// (Foundation adds a trailing slash to a path that is a directory on disk), so every reload
    /// of a fresh install warned that `security` changed.
    func testTheDefaultKeyFoldersAreTheSameBeforeAndAfterTheyExist() throws {
        let dataDir = directory.appendingPathComponent("data")
        let before = SecuritySettings(authorizedKeysDirectory: DataDirectoryLayout(dataDir).authorizedKeys,
                                      workerKeysDirectory: DataDirectoryLayout(dataDir).workerKeys)
        for folder in [before.authorizedKeysDirectory, DataDirectoryLayout(dataDir).workerKeys] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let after = SecuritySettings(authorizedKeysDirectory: DataDirectoryLayout(dataDir).authorizedKeys,
                                     workerKeysDirectory: DataDirectoryLayout(dataDir).workerKeys)
        XCTAssertEqual(before, after)
    }

    func testWithoutAFileEverythingHasItsDefault() throws {
        let config = try DaemonConfig.load(file: nil, overrides: .init(), currentDirectory: directory)
        let data = directory.appendingPathComponent("var/data").path
        XCTAssertEqual(config.inbox.path, directory.appendingPathComponent("var/inbox").path)
        XCTAssertEqual(config.dataDir.path, data)
        XCTAssertEqual(config.feedEndpoint, "ipc://\(data)/feed.sock")
        XCTAssertEqual(config.controlEndpoint, "ipc://\(data)/control.sock")
        XCTAssertEqual(config.workerEndpoint, "ipc://\(data)/workers.sock")
        XCTAssertEqual(config.settleMilliseconds, 200)
        XCTAssertEqual(config.ignorePatterns, [".*", "*~", "*.part", "*.tmp", "*.swp", "*.crdownload", "#*#"])
        XCTAssertEqual(config.maxFileBytes, 64 << 20)
        XCTAssertEqual(config.maxAttempts, 3)
        XCTAssertEqual(config.jobTimeoutSeconds, 120)
        XCTAssertEqual(config.retryBackoffMilliseconds, 500)
        XCTAssertEqual(config.heartbeatMilliseconds, 1000)
        XCTAssertEqual(config.liveness, 5)
        XCTAssertEqual(config.shutdownDeadlineSeconds, 10)
        XCTAssertEqual(config.feedHistory, 100_000)
        XCTAssertEqual(config.feedHighWaterMark, 1_000)
        XCTAssertEqual(config.logLevel, .info)
        XCTAssertEqual(config.plugins.map(\.name), ["indexer", "parser", "searcher", "summarizer"])
        XCTAssertEqual(config.plugins.map(\.instances), [1, 2, 1, 2])
        XCTAssertEqual(config.plugins.map(\.services), [["indexer"], ["parser"], ["search"], ["summarizer"]])
        XCTAssertEqual(config.plugins.map(\.command), ["report-indexer", "report-parser", "report-indexer", "report-summarizer"])
        XCTAssertTrue(config.plugins.allSatisfy { $0.args == ["serve"] })
    }

    func testTheShippedConfigFileStatesExactlyTheDefaultsAndTurnsMetricsOnForLoopback() throws {
        let shipped = repositoryRoot.appendingPathComponent("Config/reportd.toml").path
        var fromFile = try DaemonConfig.load(file: shipped, overrides: .init(), currentDirectory: directory)
        let builtIn = try DaemonConfig.load(file: nil, overrides: .init(), currentDirectory: directory)
        XCTAssertEqual(fromFile.metrics.address?.description, "127.0.0.1:9464")
        fromFile.metrics = builtIn.metrics
        XCTAssertEqual(fromFile, builtIn)
    }

    func testFlagsWinOverTheFileWhichWinsOverDefaults() throws {
        let loaded = try config("""
            [daemon]
            inbox = "drop"
            data_dir = "/srv/rd"
            log_level = "debug"
            [watcher]
            settle_ms = 750
            ignore = ["*.bak"]
            [jobs]
            max_attempts = 5
            [feed]
            endpoint = "tcp://127.0.0.1:5999"
            history = 10
            """, overrides: ConfigOverrides(inbox: "/flag/inbox", feed: "tcp://127.0.0.1:6000"))
        XCTAssertEqual(loaded.inbox.path, "/flag/inbox")
        XCTAssertEqual(loaded.dataDir.path, "/srv/rd")
        XCTAssertEqual(loaded.feedEndpoint, "tcp://127.0.0.1:6000")
        XCTAssertEqual(loaded.controlEndpoint, "ipc:///srv/rd/control.sock")
        XCTAssertEqual(loaded.settleMilliseconds, 750)
        XCTAssertEqual(loaded.ignorePatterns, ["*.bak"])
        XCTAssertEqual(loaded.maxAttempts, 5)
        XCTAssertEqual(loaded.feedHistory, 10)
        XCTAssertEqual(loaded.logLevel, .debug)
        XCTAssertEqual(loaded.jobTimeoutSeconds, 120, "keys absent from the file keep their default")
    }

    func testRelativeFolderPathsResolveAgainstTheCurrentDirectoryNotTheFile() throws {
        let loaded = try config("[daemon]\ninbox = \"in\"\n", named: "etc/reportd.toml",
                                overrides: ConfigOverrides(dataDir: "d/../data"))
        XCTAssertEqual(loaded.inbox.path, directory.appendingPathComponent("in").path)
        XCTAssertEqual(loaded.dataDir.path, directory.appendingPathComponent("data").path)
    }

    func testUnknownKeyIsNamedWithTheFileAndASuggestion() throws {
        let error = try XCTUnwrap(configError("[watcher]\nsettle = 5\n"))
        let path = directory.appendingPathComponent("reportd.toml").path
        XCTAssertEqual(error.key, "watcher.settle")
        XCTAssertEqual(error.file, path)
        XCTAssertEqual(error.description, "unknown key `watcher.settle` in \(path) (did you mean `settle_ms`?)")
    }

    func testUnknownTableIsAnUnknownKey() throws {
        let error = try XCTUnwrap(configError("[plugin]\nname = \"x\"\n"))
        XCTAssertEqual(error.key, "plugin")
        XCTAssertEqual(error.reason, .unknownKey(suggestion: "plugins_dir"))
    }

    /// `[web]` belongs to reportd-web: the daemon starts with it, whatever its keys, and acts on none.
    func testAWebTableIsLeftToTheWebViewAndChangesNothing() throws {
        let withWeb = try config("[web]\nlisten = \"127.0.0.1:9090\"\nanything = 1\n")
        let without = try DaemonConfig.load(file: nil, overrides: .init(), currentDirectory: directory)
        XCTAssertEqual(withWeb, without)
        let error = try XCTUnwrap(configError("web = 3\n"))
        XCTAssertEqual(error.key, "web")
    }

    func testWrongTypeNamesTheKeyTheFileAndTheExpectedType() throws {
        let error = try XCTUnwrap(configError("[watcher]\nsettle_ms = \"fast\"\n"))
        let path = directory.appendingPathComponent("reportd.toml").path
        XCTAssertEqual(error.description, "key `watcher.settle_ms` in \(path) must be an integer, found a string")
    }

    func testAWrongElementInAnArrayIsNamedByIndex() throws {
        let error = try XCTUnwrap(configError("[watcher]\nignore = [\"*.bak\", 3]\n"))
        XCTAssertEqual(error.key, "watcher.ignore[1]")
    }

    func testBadTOMLGivesTheFileAndLine() throws {
        let error = try XCTUnwrap(configError("[daemon]\nlog_level = \"info\"\nsettle_ms = = 2\n"))
        let path = directory.appendingPathComponent("reportd.toml").path
        guard case .syntax(let line, _, _) = error.reason else { return XCTFail("not a syntax error: \(error)") }
        XCTAssertEqual(line, 3)
        XCTAssertTrue(error.description.hasPrefix("\(path):3:"), error.description)
    }

    func testOutOfRangeValuesAreRejected() throws {
        let error = try XCTUnwrap(configError("[jobs]\nmax_attempts = 0\n"))
        XCTAssertEqual(error.key, "jobs.max_attempts")
        XCTAssertTrue(error.description.contains("must be at least 1, got 0"), error.description)
        let level = try XCTUnwrap(configError("[daemon]\nlog_level = \"loud\"\n"))
        XCTAssertEqual(level.key, "daemon.log_level")
    }

    func testAMissingFileIsNamed() throws {
        let path = directory.appendingPathComponent("absent.toml").path
        XCTAssertThrowsError(try DaemonConfig.load(file: path, overrides: .init(), currentDirectory: directory)) { error in
            guard let error = error as? ConfigError, case .unreadable = error.reason else { return XCTFail("\(error)") }
            XCTAssertTrue(error.description.contains(path), error.description)
        }
    }

    func testAMalformedEndpointFlagIsBlamedOnTheFlag() throws {
        XCTAssertThrowsError(try DaemonConfig.load(file: nil, overrides: ConfigOverrides(feed: "localhost:5560"),
                                                   currentDirectory: directory)) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "--feed")
            XCTAssertNil((error as? ConfigError)?.file)
        }
    }

    func testAnIPCPathTooLongForTheKernelIsBlamedOnTheDataDirectory() throws {
        let long = "/" + String(repeating: "d", count: 100)
        let error = try XCTUnwrap(configError("[daemon]\ndata_dir = \"\(long)\"\n"))
        XCTAssertEqual(error.key, "daemon.data_dir")
        XCTAssertTrue(error.description.contains("107"), error.description)
    }

    func testATooLongDefaultSocketPathSaysItIsTheDefault() {
        let deep = URL(fileURLWithPath: "/" + String(repeating: "d", count: 100))
        XCTAssertThrowsError(try DaemonConfig.load(file: nil, overrides: .init(), currentDirectory: deep)) { error in
            let error = error as? ConfigError
            XCTAssertEqual(error?.key, "daemon.data_dir")
            XCTAssertEqual(error?.description.hasPrefix("key `daemon.data_dir` (built-in default): ipc socket path"), true,
                           error?.description ?? "")
        }
    }

    func testPluginsDirManifestsReplaceTheEmbeddedOnesInNameOrder() throws {
        let plugins = directory.appendingPathComponent("etc/plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try write("""
            name = "zeta"
            command = "./bin/zeta-worker"
            services = ["summarizer"]
            """, to: plugins.appendingPathComponent("b.toml"))
        try write("""
            name = "alpha"
            command = "alpha-worker"
            args = ["serve", "--fast"]
            services = ["parser"]
            instances = 3
            nice = 7
            [environment]
            ALPHA_MODE = "strict"
            """, to: plugins.appendingPathComponent("a.toml"))
        try write("not a manifest", to: plugins.appendingPathComponent("README"))

        let loaded = try config("plugins_dir = \"plugins\"\n", named: "etc/reportd.toml")
        XCTAssertEqual(loaded.plugins, [
            PluginManifest(name: "alpha", command: "alpha-worker", args: ["serve", "--fast"], services: ["parser"],
                           instances: 3, environment: ["ALPHA_MODE": "strict"], nice: 7),
            PluginManifest(name: "zeta", command: plugins.appendingPathComponent("bin/zeta-worker").path,
                           services: ["summarizer"], instances: 1),
        ])
    }

    func testABadManifestIsNamedWithItsOwnFile() throws {
        let plugins = directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let manifest = plugins.appendingPathComponent("broken.toml")
        try write("name = \"broken\"\ncommand = \"x\"\ninstance = 2\nservices = [\"parser\"]\n", to: manifest)
        let error = try XCTUnwrap(configError("plugins_dir = \"plugins\"\n"))
        XCTAssertEqual(error.file, manifest.path)
        XCTAssertEqual(error.reason, .unknownKey(suggestion: "instances"))
    }

    /// Lowering a plugin below the daemon's priority would need CAP_SYS_NICE; 19 is the lowest.
    func testANiceOutsideZeroToNineteenIsRejectedWithTheRange() throws {
        let plugins = directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let manifest = plugins.appendingPathComponent("greedy.toml")
        for (nice, expected) in [("-5", "must be at least 0, got -5"), ("20", "must be at most 19 (the lowest CPU priority), got 20")] {
            try write("name = \"greedy\"\ncommand = \"x\"\nservices = [\"parser\"]\nnice = \(nice)\n", to: manifest)
            let error = try XCTUnwrap(configError("plugins_dir = \"plugins\"\n"))
            XCTAssertEqual(error.file, manifest.path)
            XCTAssertEqual(error.key, "nice")
            XCTAssertEqual(error.reason, .invalidValue(expected))
        }
    }

    func testDuplicatePluginNamesAndEmptyPluginDirsAreRejected() throws {
        let plugins = directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let empty = try XCTUnwrap(configError("plugins_dir = \"plugins\"\n"))
        XCTAssertEqual(empty.key, "plugins_dir")
        for file in ["one.toml", "two.toml"] {
            try write("name = \"same\"\ncommand = \"x\"\nservices = [\"parser\"]\n", to: plugins.appendingPathComponent(file))
        }
        let duplicate = try XCTUnwrap(configError("plugins_dir = \"plugins\"\n"))
        XCTAssertEqual(duplicate.file, plugins.appendingPathComponent("two.toml").path)
        XCTAssertTrue(duplicate.description.contains("one.toml"), duplicate.description)
    }
}
