/// The character references that occur in Chinese government web pages.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ensp": " ", "emsp": "\u{3000}", "thinsp": " ", "middot": "·", "hellip": "…",
        "mdash": "—", "ndash": "–", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "laquo": "«", "raquo": "»", "times": "×", "divide": "÷", "deg": "°", "permil": "‰",
        "copy": "©", "reg": "®", "bull": "•", "yen": "¥", "plusmn": "±", "sup2": "²", "sup3": "³",
    ]

    /// The scalar for "amp", "#20013" or "#x4E2D"; nil when the reference is unknown.
    static func scalar(for body: String) -> Unicode.Scalar? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if body.hasPrefix("#") {
            return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        return named[body] ?? named[body.lowercased()]
    }
}
