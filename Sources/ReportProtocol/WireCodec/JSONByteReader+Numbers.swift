/// Numbers, checked against JSON's grammar before they are converted.
extension JSONByteReader {
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
