/// A pull reader over JSON bytes for the hand-written wire decoders. It reads the strict,
/// common form of JSON and throws `WireFastPathDeclined` at anything else, including input that
/// is valid JSON but that JSONDecoder would read differently from a single pass (see
/// `WireFastPathDeclined`): the decline sends the bytes down the Codable path.
struct JSONByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Unescaped string content, kept between strings so escapes do not allocate each time.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Structure

    /// Reads an object, calling `member` with each key; `member` must read the value.
    mutating func object(_ member: (inout JSONByteReader, WireKey) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peekAfterWhitespace() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try readKey()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            let next = try nextAfterWhitespace()
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw WireFastPathDeclined() }
        }
    }

    mutating func array<Element>(_ element: (inout JSONByteReader) throws -> Element) throws -> [Element] {
        try expect(UInt8(ascii: "["))
        var elements: [Element] = []
        if try peekAfterWhitespace() == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        while true {
            elements.append(try element(&self))
            let next = try nextAfterWhitespace()
            if next == UInt8(ascii: "]") { return elements }
            guard next == UInt8(ascii: ",") else { throw WireFastPathDeclined() }
        }
    }

    /// True, having read it, when the next value is `null`.
    mutating func readNull() throws -> Bool {
        guard try peekAfterWhitespace() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func optional<Value>(_ read: (inout JSONByteReader) throws -> Value) throws -> Value? {
        try readNull() ? nil : read(&self)
    }

    mutating func expectEnd() throws {
        skipWhitespace()
        guard position == bytes.count else { throw WireFastPathDeclined() }
    }

    // MARK: Scalars

    mutating func bool() throws -> Bool {
        switch try peekAfterWhitespace() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw WireFastPathDeclined()
        }
    }

    // MARK: Details

    private mutating func readKey() throws -> WireKey {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return WireKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw WireFastPathDeclined() }
            position += 1
        }
        throw WireFastPathDeclined()
    }

    /// A number as JSON's grammar has it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func literal(_ word: StaticString) throws {
        let matched = word.withUTF8Buffer { letters in
            guard position + letters.count <= bytes.count else { return false }
            for (offset, letter) in letters.enumerated() where bytes[position + offset] != letter { return false }
            return true
        }
        guard matched else { throw WireFastPathDeclined() }
        position += word.utf8CodeUnitCount
    }

    mutating func expect(_ byte: UInt8) throws {
        guard try nextAfterWhitespace() == byte else { throw WireFastPathDeclined() }
    }

    private mutating func nextAfterWhitespace() throws -> UInt8 {
        let byte = try peekAfterWhitespace()
        position += 1
        return byte
    }

    private mutating func peekAfterWhitespace() throws -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw WireFastPathDeclined() }
        return bytes[position]
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }
}

/// An object key as it stands in the input, compared with the snake_case names.
struct WireKey {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (key: WireKey, name: StaticString) -> Bool {
        guard key.bytes.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { expected in
            for index in 0..<expected.count where key.bytes[index] != expected[index] { return false }
            return true
        }
    }
}
