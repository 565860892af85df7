import Crypto
import Foundation

/// SHA-256 as report ids spell it.
enum ContentHash {
    /// The id of the file's bytes, read through one descriptor (see `InputFile`).
    static func of(fileAt url: URL) throws -> (id: String, size: Int) {
        try InputFile(url, label: url.lastPathComponent.sanitizedForLog).hash()
    }

    static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex; String(format:) per byte cost as much as hashing a report.
    static func hex(_ digest: SHA256.Digest) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.byteCount * 2)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
