/// Decides whether decoded text looks like something a person wrote, so that bytes which
/// merely happen to be valid in some encoding are refused instead of parsed as gibberish.
enum TextPlausibility {
    struct Counts {
        var visible = 0
        var han = 0
        var expected = 0
        var strange = 0
        var control = 0
    }

    static func count(_ text: String) -> Counts {
        var c = Counts()
        for s in text.unicodeScalars {
            if s == "\n" || s == "\r" || s == "\t" || s == "\u{0C}" || ScalarClass.isHorizontalSpace(s) { continue }
            c.visible += 1
            let v = s.value
            if ScalarClass.isHan(s) { c.han += 1; c.expected += 1; continue }
            if v >= 0x20 && v < 0x7F { c.expected += 1; continue }   // printable ASCII: no table lookup
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { c.control += 1; continue }
            switch s.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: c.strange += 1; continue
            default: break
            }
            if v < 0x250 || ScalarClass.isChinesePunctuation(s) || (v >= 0x2000 && v <= 0x2BFF) {
                c.expected += 1
            }
        }
        return c
    }

    /// nil when plausible, else the measurement that failed.
    static func problem(in text: String) -> String? {
        let c = count(text)
        guard c.visible > 0 else { return "no visible characters" }
        let total = Double(c.visible)
        if Double(c.control) / total > 0.01 { return "\(c.control) control characters" }
        if Double(c.strange) / total > 0.01 { return "\(c.strange) of \(c.visible) characters are unassigned or private-use" }
        if Double(c.expected) / total < 0.9 {
            return "only \(c.expected) of \(c.visible) characters are Chinese, Latin or punctuation"
        }
        return nil
    }
}
