#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Why a CURVE key file could not be read or written; names the file.
public struct CurveKeyFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "CURVE key file \(path): \(reason)" }
}

/// Key files as reportd and `reportctl keygen` write them: `NAME.key` holds the Z85 public key
/// (safe to copy anywhere), `NAME.key_secret` the Z85 secret key, mode 0600. Lines starting
/// with `#` are comments, so a file can say whose key it is.
public enum CurveKeyFiles {
    public static let publicSuffix = ".key"
    public static let secretSuffix = ".key_secret"

    public static func publicFile(in directory: URL, name: String) -> URL {
        directory.appendingPathComponent(name + publicSuffix)
    }

    public static func secretFile(in directory: URL, name: String) -> URL {
        directory.appendingPathComponent(name + secretSuffix)
    }

    /// The one key in a key file (public or secret).
    public static func readKey(at path: String) throws(CurveKeyFileError) -> String {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CurveKeyFileError(path: path, reason: "cannot be read (\((error as NSError).localizedFailureReason ?? "\(error)"))")
        }
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, CurveKeyPair.isValidKey(lines[0]) else {
            throw CurveKeyFileError(path: path, reason: "must hold exactly one 40-character Z85 key")
        }
        return lines[0]
    }

    /// The key pair whose secret key is in `path`; refuses a secret file others may read.
    public static func readKeyPair(secretFile path: String) throws(CurveKeyFileError) -> CurveKeyPair {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
            throw CurveKeyFileError(path: path, reason: String(format: "is readable by others (mode %o); chmod 600 it", status.st_mode & 0o777))
        }
        let secret = try readKey(at: path)
        do { return try CurveKeyPair(secretKey: secret) } catch {
            throw CurveKeyFileError(path: path, reason: "is not a CURVE secret key: \(error)")
        }
    }

    /// Writes `NAME.key` (0644) and `NAME.key_secret` (0600) into `directory`, creating it with
    /// mode 0700 if missing. Never replaces an existing file: a lost secret key locks peers out.
    @discardableResult
    public static func write(_ keys: CurveKeyPair, to directory: URL, name: String,
                             comment: String? = nil) throws(CurveKeyFileError) -> (publicFile: URL, secretFile: URL) {
        if mkdir(directory.path, 0o700) != 0 && errno != EEXIST {
            throw CurveKeyFileError(path: directory.path, reason: "cannot create the folder (\(String(cString: strerror(errno))))")
        }
        let publicURL = publicFile(in: directory, name: name)
        let secretURL = secretFile(in: directory, name: name)
        let header = comment.map { "# \($0)\n" } ?? ""
        // The secret first: a crash between the two leaves a usable pair (the public key can be re-derived).
        try create(secretURL.path, contents: header + keys.secretKey + "\n", mode: 0o600)
        try create(publicURL.path, contents: header + keys.publicKey + "\n", mode: 0o644)
        return (publicURL, secretURL)
    }

    /// The key pair stored as `NAME.key_secret` in `directory`, generated and written on first use.
    public static func loadOrCreate(in directory: URL, name: String, comment: String) throws -> CurveKeyPair {
        let secretURL = secretFile(in: directory, name: name)
        if FileManager.default.fileExists(atPath: secretURL.path) {
            let keys = try readKeyPair(secretFile: secretURL.path)
            let publicURL = publicFile(in: directory, name: name)
            if !FileManager.default.fileExists(atPath: publicURL.path) {
                try create(publicURL.path, contents: "# \(comment)\n\(keys.publicKey)\n", mode: 0o644)
            }
            return keys
        }
        let keys = try CurveKeyPair.generate()
        try write(keys, to: directory, name: name, comment: comment)
        return keys
    }

    /// Creates `path` exclusively with `mode` regardless of the umask.
    private static func create(_ path: String, contents: String, mode: mode_t) throws(CurveKeyFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "already exists; remove it first to make a new key" : String(cString: strerror(errno))
            throw CurveKeyFileError(path: path, reason: reason)
        }
        defer { close(fd) }
        fchmod(fd, mode)
        let bytes = Array(contents.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw CurveKeyFileError(path: path, reason: "write failed (\(String(cString: strerror(errno))))")
        }
    }
}
