/// Text made safe for HTML: everything from a report or a request passes through here before it
/// reaches a page. A report is untrusted input; escaping the five characters that can end text or
/// an attribute value keeps `<script>`, `onerror=` and `javascript:` as visible text.
public enum HTML {
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // NUL and the other C0 controls but tab and newlines are not allowed in HTML text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A query-string value or path segment: everything but unreserved ASCII percent-encoded,
    /// so a link built from report data can never leave its attribute or change scheme.
    public static func urlComponent(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// A link to a page of this server: a path and escaped query pairs, pairs with an empty value left out.
    public static func link(_ path: String, _ query: [(String, String?)] = [], fragment: String? = nil) -> String {
        let pairs = query.compactMap { key, value in
            value.flatMap { $0.isEmpty ? nil : urlComponent(key) + "=" + urlComponent($0) }
        }
        return path + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")) + (fragment.map { "#" + $0 } ?? "")
    }

    /// A report id as a link target: only hex digits survive, whatever the daemon sent.
    public static func reportLink(_ reportId: String) -> String {
        "/reports/" + String(reportId.filter(\.isHexDigit).prefix(64))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
