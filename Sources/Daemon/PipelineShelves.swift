import Foundation

/// The two places a finished input ends up: `processed/` and `failed/` in the data dir.
/// Nothing a user dropped is deleted: names are never overwritten, a numeric suffix is added,
/// and a failed file gets `<name>.reason.txt` beside it.
struct Shelves {
    enum Shelf: String { case processed, failed }

    let root: URL

    init(dataDirectory: URL) throws {
        root = dataDirectory
        for shelf in [Shelf.processed, .failed] {
            try FileManager.default.createDirectory(at: directory(shelf), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o750])
        }
    }

    func directory(_ shelf: Shelf) -> URL { root.appendingPathComponent(shelf.rawValue, isDirectory: true) }

    /// Moves `source` onto a shelf under `name` (or a free variant of it) and returns where it went.
    @discardableResult
    func put(_ source: URL, name: String, on shelf: Shelf, reason: String? = nil) throws -> URL {
        let target = freeName(for: SafeName.fileName(name), in: directory(shelf))
        try FileManager.default.moveItem(at: source, to: target)
        if let reason {
            let note = target.appendingPathExtension("reason.txt")
            try Data((reason + "\n").utf8).write(to: note, options: .withoutOverwriting)
        }
        return target
    }

    private func freeName(for name: String, in directory: URL) -> URL {
        let base = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: base.path) else { return base }
        let stem = base.deletingPathExtension().lastPathComponent
        let ext = base.pathExtension
        var index = 1
        while true {
            let candidate = directory.appendingPathComponent(ext.isEmpty ? "\(stem).\(index)" : "\(stem).\(index).\(ext)")
            if !FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            index += 1
        }
    }
}

/// File names come from users: make them safe as one path component and as one log line.
enum SafeName {
    /// One path component: no separators, no control characters, not `.` or `..`.
    static func fileName(_ name: String) -> String {
        var cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            scalar == "/" || scalar.properties.generalCategory == .control ? "_" : scalar
        }))
        if cleaned.isEmpty || cleaned == "." || cleaned == ".." { cleaned = "unnamed" }
        return cleaned
    }

    /// Control characters (newlines included) escaped, so a name cannot forge log lines.
    static func forLog(_ name: String) -> String {
        name.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }.joined()
    }
}
