import Foundation

/// Reads the `P={...}` dict literal of jieba's finalseg/prob_*.py files: nested dicts whose keys
/// are quoted strings (with \uXXXX escapes) and whose leaves are floats. Only that subset of
/// Python is understood; anything else is reported as malformed rather than guessed at.
struct PythonLiteralReader {
    indirect enum Value {
        case number(Double)
        case dictionary([String: Value])
    }

    struct Failure: Error { let reason: String }

    private let bytes: [UInt8]
    private var position = 0

    /// The value assigned to `P`.
    static func readAssignment(of name: String, in bytes: [UInt8]) throws -> Value {
        let marker = Array("\(name)=".utf8)
        guard let start = bytes.firstRange(of: marker)?.upperBound else {
            throw Failure(reason: "no `\(name)=` assignment")
        }
        var reader = PythonLiteralReader(bytes: bytes, position: start)
        return try reader.readValue()
    }

    private init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    private mutating func readValue() throws -> Value {
        skipSpace()
        guard position < bytes.count else { throw Failure(reason: "unexpected end of file") }
        if bytes[position] == UInt8(ascii: "{") { return .dictionary(try readDictionary()) }
        return .number(try readNumber())
    }

    private mutating func readDictionary() throws -> [String: Value] {
        position += 1
        var result: [String: Value] = [:]
        while true {
            skipSpace()
            guard position < bytes.count else { throw Failure(reason: "unterminated dict") }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return result }
            let key = try readString()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw Failure(reason: "expected ':' after key '\(key)' at byte \(position)")
            }
            position += 1
            result[key] = try readValue()
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1 }
        }
    }

    private mutating func readString() throws -> String {
        if position < bytes.count, bytes[position] == UInt8(ascii: "u") { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "'") || bytes[position] == UInt8(ascii: "\"") else {
            throw Failure(reason: "expected a quoted key at byte \(position)")
        }
        let quote = bytes[position]
        position += 1
        var literal = [UInt8]()
        var scalars = String.UnicodeScalarView()
        while position < bytes.count, bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: literal, as: UTF8.self).unicodeScalars)
                literal.removeAll()
                scalars.append(try readEscape())
            } else {
                literal.append(bytes[position])
                position += 1
            }
        }
        guard position < bytes.count else { throw Failure(reason: "unterminated string") }
        position += 1
        scalars.append(contentsOf: String(decoding: literal, as: UTF8.self).unicodeScalars)
        return String(scalars)
    }

    private mutating func readEscape() throws -> Unicode.Scalar {
        guard position + 1 < bytes.count else { throw Failure(reason: "unterminated escape") }
        let kind = bytes[position + 1]
        position += 2
        let digits: Int
        switch kind {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): return Unicode.Scalar(kind)
        default: throw Failure(reason: "unsupported escape \\\(Unicode.Scalar(kind)) at byte \(position - 2)")
        }
        guard position + digits <= bytes.count,
              let value = UInt32(String(decoding: bytes[position..<(position + digits)], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(value) else {
            throw Failure(reason: "bad \\u escape at byte \(position - 2)")
        }
        position += digits
        return scalar
    }

    private mutating func readNumber() throws -> Double {
        let start = position
        while position < bytes.count, isNumberByte(bytes[position]) { position += 1 }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw Failure(reason: "expected a number at byte \(start)")
        }
        return value
    }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[position]) { position += 1 }
    }
}
