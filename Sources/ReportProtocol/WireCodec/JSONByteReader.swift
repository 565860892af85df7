/// A pull reader over JSON bytes for the hand-written wire decoders. It reads the strict,
/// common form of JSON and throws `WireFastPathDeclined` at anything else, including input that
/// is valid JSON but that JSONDecoder would read differently from a single pass (see
/// `WireFastPathDeclined`): the decline sends the bytes down the Codable path.
struct JSONByteReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Unescaped string content, kept between strings so escapes do not allocate each time.
    private var scratch: [UInt8] = []

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

    /// An integer written without fraction or exponent (JSONDecoder also takes `4.0` and `4e0`;
    /// those decline), within `Int`.
    mutating func int() throws -> Int {
        let number = try numberText()
        guard !number.hasFraction else { throw WireFastPathDeclined() }
        return try number.integer()
    }

    mutating func double() throws -> Double {
        let number = try numberText()
        // Up to 15 digits an integer is exact in a Double; anything longer goes through the
        // correctly rounded conversion, as Foundation's does.
        if !number.hasFraction, number.digits.count <= 15 {
            let value = Double(try number.integer())
            return number.negative && value == 0 ? -0.0 : value   // "-0" is negative zero, as Foundation reads it
        }
        guard let value = Double(String(decoding: number.text, as: UTF8.self)), value.isFinite else {
            throw WireFastPathDeclined()
        }
        return value
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.validated(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw WireFastPathDeclined() }
            position += 1
        }
        throw WireFastPathDeclined()
    }

    // MARK: Details

    private mutating func escapedString(from start: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                let text = try scratch.withUnsafeBufferPointer { try Self.validated($0) }
                return text
            case UInt8(ascii: "\\"):
                try unescape()
            case ..<0x20:
                throw WireFastPathDeclined()
            default:
                scratch.append(byte)
            }
        }
        throw WireFastPathDeclined()
    }

    private mutating func unescape() throws {
        guard position < bytes.count else { throw WireFastPathDeclined() }
        let code = bytes[position]
        position += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hexQuad()
            if (0xD800..<0xDC00).contains(value) {
                // A high surrogate must pair with a low one; a lone half declines.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else { throw WireFastPathDeclined() }
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw WireFastPathDeclined() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw WireFastPathDeclined() }
            scratch.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw WireFastPathDeclined()
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw WireFastPathDeclined() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw WireFastPathDeclined()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// JSONDecoder refuses input that is not UTF-8; so does this, by declining.
    private static func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw WireFastPathDeclined() }
        return text
    }

    /// A key without escapes, as the wire's snake_case keys are.
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
    private mutating func numberText() throws -> WireNumber {
        skipWhitespace()
        let start = position
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digitsStart = position
        guard position < bytes.count, isDigit(bytes[position]) else { throw WireFastPathDeclined() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let digitsEnd = position
        var hasFraction = false
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            hasFraction = true
            position += 1
            try digitRun()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            hasFraction = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try digitRun()
        }
        return WireNumber(text: UnsafeBufferPointer(rebasing: bytes[start..<position]), negative: negative,
                          digits: UnsafeBufferPointer(rebasing: bytes[digitsStart..<digitsEnd]), hasFraction: hasFraction)
    }

    private mutating func digitRun() throws {
        guard position < bytes.count, isDigit(bytes[position]) else { throw WireFastPathDeclined() }
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private mutating func literal(_ word: StaticString) throws {
        let matched = word.withUTF8Buffer { letters in
            guard position + letters.count <= bytes.count else { return false }
            for (offset, letter) in letters.enumerated() where bytes[position + offset] != letter { return false }
            return true
        }
        guard matched else { throw WireFastPathDeclined() }
        position += word.utf8CodeUnitCount
    }

    private mutating func expect(_ byte: UInt8) throws {
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

    private mutating func skipWhitespace() {
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

/// A number's text, checked against JSON's grammar.
struct WireNumber {
    let text: UnsafeBufferPointer<UInt8>
    let negative: Bool
    let digits: UnsafeBufferPointer<UInt8>
    /// A fraction or an exponent.
    let hasFraction: Bool

    func integer() throws -> Int {
        var value = 0
        for digit in digits {
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.subtractingReportingOverflow(Int(digit &- UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw WireFastPathDeclined() }
            value = sum
        }
        // Accumulated as a negative number so Int.min fits.
        if negative { return value }
        guard value != Int.min else { throw WireFastPathDeclined() }
        return -value
    }
}
