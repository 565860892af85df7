import Foundation

/// What an inbox entry is, decided from its name and `lstat` alone: nothing is opened or followed.
enum InboxEntry: Equatable {
    case regular(FileStamp)
    /// The name matches one of the ignore patterns.
    case ignoredName(pattern: String)
    /// A directory, symlink, FIFO, socket or device: `kind` says which.
    case notRegular(kind: String)
    /// Gone before it could be looked at.
    case vanished
}

struct InboxEntryClassifier {
    let directory: URL
    let ignorePatterns: [String]

    func classify(_ name: String) -> InboxEntry {
        // fnmatch without FNM_PERIOD, so the pattern `.*` is what hides dotfiles.
        if let pattern = ignorePatterns.first(where: { fnmatch($0, name, 0) == 0 }) {
            return .ignoredName(pattern: pattern)
        }
        var info = stat()
        guard lstat(directory.appendingPathComponent(name).path, &info) == 0 else {
            // The name reached us decoded with U+FFFD for its invalid bytes, so it names no file:
            // say so (once) rather than forget it silently.
            return name.unicodeScalars.contains("\u{FFFD}") ? .notRegular(kind: "entry whose name is not valid UTF-8") : .vanished
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(FileStamp(info))
        case S_IFDIR: return .notRegular(kind: "directory")
        case S_IFLNK: return .notRegular(kind: "symlink (never followed)")
        case S_IFIFO: return .notRegular(kind: "FIFO")
        case S_IFSOCK: return .notRegular(kind: "socket")
        case S_IFCHR, S_IFBLK: return .notRegular(kind: "device")
        default: return .notRegular(kind: "special file")
        }
    }
}
