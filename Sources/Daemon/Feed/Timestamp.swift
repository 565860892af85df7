import Foundation

/// The RFC 3339 UTC time with milliseconds that every envelope carries (`Date.rfc3339`'s form,
/// `2026-11-25T15:31:24.123Z`), written directly: ISO8601DateFormatter took longer per call than
/// recording the event it stamps.
enum Timestamp {
    static func rfc3339(_ date: Date = Date()) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        append(Int(parts.tm_year) + 1900, digits: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, digits: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mday), digits: 2, to: &text)
        text.append(UInt8(ascii: "T"))
        append(Int(parts.tm_hour), digits: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(Int(parts.tm_min), digits: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(Int(parts.tm_sec), digits: 2, to: &text)
        text.append(UInt8(ascii: "."))
        append(Int(milliseconds - milliseconds.floorDivided(by: 1000) * 1000), digits: 3, to: &text)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    private static func append(_ value: Int, digits: Int, to text: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
