/// Strings: the common case is a run without escapes, taken as it stands once its UTF-8 is
/// checked; escapes are unescaped into a scratch buffer kept between strings.
extension JSONByteReader {
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
}
