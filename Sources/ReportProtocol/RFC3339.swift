import Foundation

extension Date {
    /// RFC 3339 with milliseconds in UTC, as every envelope carries it (`2026-11-25T15:31:24.123Z`),
    /// written directly: ISO8601DateFormatter took longer per call than recording the event it stamps.
    public var rfc3339: String {
        RFC3339.millisecondsUTC(self)
    }

    /// Reads an RFC 3339 time. The daemon's own form (`2026-11-25T15:31:24.123Z`) is read
    /// directly: through ISO8601DateFormatter it was 5% of a release daemon's CPU during a burst
    /// (perf, 2026-12-07), three reads per finished report. Any other form takes the formatters:
    /// with or without fractional seconds, in any offset.
    public init?(rfc3339 text: String) {
        if let date = RFC3339.millisecondsUTC(text) ?? RFC3339.formatter.date(from: text) ?? RFC3339.wholeSeconds.date(from: text) {
            self = date
        } else {
            return nil
        }
    }
}

enum RFC3339 {
    nonisolated(unsafe) static let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// `2026-11-25T15:31:24Z`: what a person types (`reportctl list --since`).
    nonisolated(unsafe) static let wholeSeconds: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()

    /// The daemon's own form of `date`, rounded to the millisecond.
    static func millisecondsUTC(_ date: Date) -> String {
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

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` exactly, with each field in its range; nil for anything else.
    static func millisecondsUTC(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
                  bytes[23] == UInt8(ascii: "Z") else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[start..<start + count] {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), let second = number(17, 2), let milliseconds = number(20, 3),
                  (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            let days = daysSinceEpoch(year: year, month: month, day: day)
            let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
            return Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000)
        }
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
