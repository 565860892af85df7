import Crypto

/// A report's id as reportd computes it: the SHA-256 of the file's bytes, in lowercase hex.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
