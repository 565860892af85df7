import Foundation

/// Reads the `*.toml` plugin manifests of a plugins directory, in name order.
enum PluginManifestReader {
    static let keys = ["name", "command", "args", "services", "instances", "environment", "nice",
                       "max_address_space_mb", "max_processes"]

    static func readDirectory(_ directory: URL, referencedFrom configFile: String) throws(ConfigError) -> [PluginManifest] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ConfigError(file: configFile, key: "plugins_dir", reason: .invalidValue(
                "cannot list \(directory.path): \((error as NSError).localizedFailureReason ?? error.localizedDescription)"))
        }
        let manifestFiles = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
        guard !manifestFiles.isEmpty else {
            throw ConfigError(file: configFile, key: "plugins_dir", reason: .invalidValue(
                "\(directory.path) holds no *.toml plugin manifests, so no job could ever run"))
        }
        var manifests: [PluginManifest] = []
        var seen: [String: String] = [:]
        for name in manifestFiles {
            let path = directory.appendingPathComponent(name).path
            let manifest = try read(file: path)
            if let earlier = seen[manifest.name] {
                throw ConfigError(file: path, key: "name", reason: .invalidValue(
                    "plugin name `\(manifest.name)` is already used by \(earlier)"))
            }
            seen[manifest.name] = path
            manifests.append(manifest)
        }
        return manifests
    }

    static func read(file path: String) throws(ConfigError) -> PluginManifest {
        var root = try TOMLSection.parse(try ConfigFileReader.readText(path), file: path)
        guard let name = try root.string("name"), !name.isEmpty else {
            throw root.invalid("name", "is required and must not be empty")
        }
        guard let command = try root.string("command"), !command.isEmpty else {
            throw root.invalid("command", "is required and must not be empty")
        }
        guard let services = try root.stringArray("services"), !services.isEmpty else {
            throw root.invalid("services", "is required and must name at least one service")
        }
        let args = try root.stringArray("args") ?? []
        let instances = try root.int("instances", atLeast: 0) ?? 1
        let environment = try root.stringTable("environment") ?? [:]
        let nice = try root.int("nice", atLeast: PluginManifest.niceRange.lowerBound) ?? 0
        guard PluginManifest.niceRange.contains(nice) else {
            throw root.invalid("nice", "must be at most \(PluginManifest.niceRange.upperBound) (the lowest CPU priority), got \(nice)")
        }
        // 64 MiB is below what a Swift process maps at start (a plugin measured 240-415 MB of address space).
        let addressSpace = try root.int("max_address_space_mb", atLeast: 64)
        let processes = try root.int("max_processes", atLeast: 1)
        try root.rejectUnknownKeys(known: keys)
        return PluginManifest(name: name, command: resolveRelative(command, besideManifest: path),
                              args: args, services: services, instances: instances, environment: environment, nice: nice,
                              limits: ResourceLimits(addressSpaceBytes: addressSpace.map { $0 << 20 }, processes: processes))
    }

    /// `./bin/worker` in a manifest means beside the manifest, not wherever reportd was started.
    private static func resolveRelative(_ command: String, besideManifest path: String) -> String {
        guard command.contains("/"), !command.hasPrefix("/") else { return command }
        return URL(fileURLWithPath: path).deletingLastPathComponent()
            .appendingPathComponent(command).standardizedFileURL.path
    }
}
