import COpenCC
import Foundation

/// Converts traditional Chinese script to simplified with OpenCC's standard tables (`t2s.json`),
/// so a reprint in traditional script is parsed and searched like the original.
/// One converter is safe to share: OpenCC's converter is immutable once opened, and calls are serialised.
public final class ScriptConverter: @unchecked Sendable {
    private let handle: opencc_t
    private let lock = NSLock()
    /// The OpenCC configuration in use, e.g. "t2s.json".
    public let configuration: String

    /// Opens an OpenCC configuration by name (looked up in OpenCC's data dir) or path.
    public init(configuration: String = "t2s.json") throws {
        guard let handle = opencc_open(configuration), Int(bitPattern: handle) != -1 else {
            let detail = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw ScriptConversionError(configuration: configuration, reason: detail)
        }
        self.handle = handle
        self.configuration = configuration
    }

    deinit { opencc_close(handle) }

    /// The shared traditional → simplified converter, opened on first use.
    public static func traditionalToSimplified() throws -> ScriptConverter {
        try shared.get()
    }

    private static let shared = SharedConverter()

    public func convert(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        return lock.withLock {
            var input = text
            return input.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let output = opencc_convert_utf8(handle, chars.baseAddress, chars.count) else { return text }
                    defer { opencc_convert_utf8_free(output) }
                    return String(cString: output)
                }
            }
        }
    }
}

/// OpenCC could not open its tables.
public struct ScriptConversionError: Error, CustomStringConvertible, Equatable {
    public let configuration: String
    public let reason: String
    public var description: String {
        "cannot open OpenCC configuration \(configuration): \(reason) (is Debian's opencc-data / libopencc installed?)"
    }
}

/// Opens the t2s converter once per process, and remembers a failure instead of retrying it.
private final class SharedConverter: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<ScriptConverter, Error>?

    func get() throws -> ScriptConverter {
        try lock.withLock {
            if let result { return try result.get() }
            let opened = Result { try ScriptConverter() }
            result = opened
            return try opened.get()
        }
    }
}
