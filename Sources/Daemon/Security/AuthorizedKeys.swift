import Foundation
import ZMQ

/// The public keys allowed in: every `*.key` file of the authorised-keys folder, by file name.
/// Read afresh for each handshake, so adding or deleting a file takes effect at once.
struct AuthorizedKeys: Equatable {
    /// Z85 public key → the name of the file it came from (`alice` for `alice.key`).
    var names: [String: String] = [:]
    /// Files that hold no valid key, with why; logged so a typo is not a silent lockout.
    var unreadable: [CurveKeyFileError] = []

    static func read(directory: URL, alwaysAllowed: [String: String] = [:]) -> AuthorizedKeys {
        var keys = AuthorizedKeys(names: alwaysAllowed)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(CurveKeyFiles.publicSuffix) && !file.hasPrefix(".") {
            let path = directory.appendingPathComponent(file).path
            do {
                let key = try CurveKeyFiles.readKey(at: path)
                keys.names[key] = String(file.dropLast(CurveKeyFiles.publicSuffix.count))
            } catch {
                keys.unreadable.append(error)
            }
        }
        return keys
    }
}
