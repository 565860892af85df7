import Foundation

/// How to run one worker plugin: what to execute, which services it announces, how many copies.
struct PluginManifest: Sendable, Equatable, Codable {
    /// A short unique name (`parser`), used in logs and status.
    var name: String
    /// A bare executable name looked up beside reportd then on $PATH, or an absolute path.
    var command: String
    var args: [String]
    /// The services the plugin serves; the broker routes those to it.
    var services: [String]
    /// How many processes to keep running (0 disables the plugin without deleting its manifest).
    var instances: Int
    /// Added to the daemon's own environment when spawning the plugin.
    var environment: [String: String]
    /// How many steps nicer than the daemon the plugin runs, 0 to 19 (the result is at most 19):
    /// batch workers run nicer than the searcher, so a search is not kept waiting for a core
    /// behind a backlog of index jobs.
    var nice: Int
    /// Kernel limits set on each of its processes (`max_address_space_mb`, `max_processes`).
    var limits: ResourceLimits

    /// The niceness a manifest may ask for: raising it needs no privilege, lowering it below the
    /// daemon's own would need CAP_SYS_NICE, which the service does not have.
    static let niceRange = 0...19

    init(name: String, command: String, args: [String] = [], services: [String],
                instances: Int = 1, environment: [String: String] = [:], nice: Int = 0,
                limits: ResourceLimits = ResourceLimits()) {
        self.name = name
        self.command = command
        self.args = args
        self.services = services
        self.instances = instances
        self.environment = environment
        self.nice = nice
        self.limits = limits
    }

    /// What the shipped manifests give the workers that process reports in the background:
    /// a search (interactive) preempts them, and they still get the cores when nothing else runs.
    static let batchNice = 5

    /// The shipped manifests' limits: 4 GiB of address space, ten times the most a plugin was
    /// measured to map (415 MB, debug build), so only a runaway allocation meets it.
    static let shippedLimits = ResourceLimits(addressSpaceBytes: 4096 << 20)

    /// The plugins shipped with reportd, used when no config file names a plugins directory.
    /// In name order, the order manifests from a plugins directory are read in.
    static let embeddedDefaults: [PluginManifest] = [
        // One indexer only: it owns the search database and SQLite allows one writer.
        PluginManifest(name: "indexer", command: "report-indexer", args: ["serve"],
                       services: ["indexer"], instances: 1, nice: batchNice, limits: shippedLimits),
        PluginManifest(name: "parser", command: "report-parser", args: ["serve"],
                       services: ["parser"], instances: 2, nice: batchNice, limits: shippedLimits),
        // The same executable for searches alone, reading the index beside the writer (WAL), so
        // a search never queues behind an index job.
        PluginManifest(name: "searcher", command: "report-indexer", args: ["serve"],
                       services: ["search"], instances: 1, limits: shippedLimits),
        PluginManifest(name: "summarizer", command: "report-summarizer", args: ["serve"],
                       services: ["summarizer"], instances: 2, nice: batchNice, limits: shippedLimits),
    ]

    /// The executable to spawn: an absolute `command` as is, otherwise the first executable named
    /// `command` in `executableDirectory` (where reportd itself lives, so a build or install
    /// directory works without touching $PATH), then in each directory of `path` (a $PATH value).
    /// Nil when nothing executable is found.
    func resolveCommand(besides executableDirectory: URL, path: String) -> String? {
        if command.hasPrefix("/") {
            return Self.isExecutableFile(command) ? command : nil
        }
        // A relative path with a slash is resolved when the manifest is loaded; here only bare names remain.
        var directories = [executableDirectory.path]
        directories += path.split(separator: ":", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "." : String($0) }
        for directory in directories {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(command).path
            if Self.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// The directory holding the running executable, read from /proc/self/exe so that a
    /// relative argv[0] or a symlinked install still finds the plugins installed beside it.
    static func currentExecutableDirectory() -> URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent()
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
