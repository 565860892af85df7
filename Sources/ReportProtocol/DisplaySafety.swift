extension String {
    /// The string with control characters, line breaks and bidirectional overrides escaped,
    /// so a hostile file name cannot forge log lines or reorder what a reader sees.
    /// Printable text, Chinese included, is kept as is.
    public var sanitizedForLog: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\": result += "\\\\"
            case _ where scalar.isDisplayHazard:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// A character that acts on a terminal or a log reader instead of being shown: C0 and C1
    /// controls and DEL, bidirectional marks, overrides and isolates (which can make text display
    /// in another order than it reads), and the line and paragraph separators. The daemon's logs
    /// and reportctl's output escape the same set.
    public var isDisplayHazard: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true          // C0, DEL, C1 controls
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidi marks and overrides
        case 0x2028, 0x2029: true                     // line and paragraph separators
        default: false
        }
    }
}
