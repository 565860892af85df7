/// Thrown inside the hand-written codec when a value or an input is one it does not handle
/// exactly as Foundation's JSONEncoder/JSONDecoder would (a non-finite number, a camelCase or
/// unknown key, a duplicate key, `4.0` for an integer, invalid UTF-8…). `WireJSON` then takes
/// the Codable path, so whatever that path accepts, writes or reports stays the contract.
struct WireFastPathDeclined: Error {}

/// A wire type with a hand-written encoder that writes what `WireJSON.encoder` writes.
protocol WireFastEncodable: Encodable {
    func writeWire(to writer: inout JSONByteWriter) throws
    /// A first guess at the encoded size, so the output is allocated once.
    var wireSizeEstimate: Int { get }
}

/// A wire type with a hand-written decoder that accepts the common form of its JSON and
/// declines anything else.
protocol WireFastDecodable: Decodable {
    static func readWire(from reader: inout JSONByteReader) throws -> Self
}

extension WireFastEncodable {
    func wireBytes() throws -> [UInt8] {
        var writer = JSONByteWriter(capacity: wireSizeEstimate)
        try writeWire(to: &writer)
        return writer.bytes
    }
}

extension WireFastDecodable {
    init(wireBytes bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer)
            let value = try Self.readWire(from: &reader)
            try reader.expectEnd()
            return value
        }
    }
}

/// Which members of one object were read: a second occurrence declines (JSONDecoder keeps the
/// first, which a single pass cannot), and a missing required one declines so that the
/// Codable path reports it by name.
struct WireFieldSet {
    private var seen: UInt64 = 0

    mutating func mark(_ field: Int) throws {
        let bit: UInt64 = 1 << UInt64(field)
        guard seen & bit == 0 else { throw WireFastPathDeclined() }
        seen |= bit
    }

    func require(_ fields: Int...) throws {
        for field in fields where seen & (1 << UInt64(field)) == 0 { throw WireFastPathDeclined() }
    }
}
