import ReportProtocol

/// Text from a report or a file name made safe to print on a terminal: a name such as
/// `a\u{1B}]0;pwned\u{07}.txt` must not retitle the window, move the cursor or hide what follows.
enum TerminalText {
    /// Replaces each display hazard (`Unicode.Scalar.isDisplayHazard`, the set the daemon's logs
    /// escape: controls, bidirectional marks and overrides, line separators) but the tab and line
    /// feed that reportctl's own layout uses with a visible `\u{…}` escape.
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
        scalar.isDisplayHazard && scalar != "\t" && scalar != "\n"
    }
}
