/// Text from a report or a file name made safe to print on a terminal: a name such as
/// `a\u{1B}]0;pwned\u{07}.txt` must not retitle the window, move the cursor or hide what follows.
enum TerminalText {
    /// Replaces each control character (C0 but tab and line feed, DEL, C1) and each bidirectional
    /// override or isolate (which can make text display in another order than it reads, the
    /// "Trojan Source" trick) with a visible `\u{…}` escape.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
