import Foundation

/// The one JSON configuration used on every wire: snake_case keys, sorted for stable output.
/// Plugins in other languages see plain snake_case JSON objects.
///
/// The large values go through hand-written codecs in WireCodec/ (`ParsedDocument` and
/// `SummaryResult` both ways; `DocumentInput` and `ParseInput`, which workers receive, read
/// only) that write the same bytes as the encoder below and read the common form of the same
/// JSON; whatever they decline (unusual but valid input, bad input, non-finite numbers) takes
/// the Codable path, whose output and errors stay the contract.
public enum WireJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let fast = value as? any WireFastEncodable, let bytes = try? fast.wireBytes() {
            return bytes
        }
        return Array(try encoder.encode(value))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        if let fast = type as? any WireFastDecodable.Type, let value = try? fast.init(wireBytes: bytes) as? T {
            return value
        }
        return try decoder.decode(type, from: Data(bytes))
    }
}
