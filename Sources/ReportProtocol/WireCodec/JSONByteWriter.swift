/// Writes JSON straight into UTF-8 bytes, byte for byte as `WireJSON.encoder` (Foundation's
/// JSONEncoder with sorted keys and unescaped slashes) writes the same values. The callers write
/// keys in sorted order themselves; the equivalence tests in ReportProtocolTests hold the two
/// paths to identical output.
struct JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    /// No member written yet in the innermost open object: its first key takes no comma.
    private var atObjectStart = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        atObjectStart = true
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atObjectStart = false
    }

    mutating func beginArray() { bytes.append(UInt8(ascii: "[")) }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")) }
    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// `"key":`, preceded by a comma unless it is the object's first member. Keys are plain
    /// snake_case ASCII, so they need no escaping.
    mutating func key(_ name: StaticString) {
        if !atObjectStart { bytes.append(UInt8(ascii: ",")) }
        atObjectStart = false
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// An array whose elements `write` writes, commas in between.
    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONByteWriter, Element) throws -> Void) rethrows {
        beginArray()
        for (index, element) in elements.enumerated() {
            if index > 0 { comma() }
            try write(&self, element)
        }
        endArray()
    }

    // MARK: Scalars

    mutating func bool(_ value: Bool) {
        if value { append("true") } else { append("false") }
    }

    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so Int.min has one too.
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Foundation writes a Double as its shortest round-tripping `description`, without a
    /// trailing `.0`. Non-finite values have no JSON form: Foundation's error says so, not this.
    mutating func double(_ value: Double) throws {
        guard value.isFinite else { throw WireFastPathDeclined() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A JSON string: `"` and `\` escaped, control characters as \b \t \n \f \r or \u00XX
    /// (lowercase hex), everything else (slashes, non-ASCII) as is.
    mutating func string(_ value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                escape(byte)
                runStart = index + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
