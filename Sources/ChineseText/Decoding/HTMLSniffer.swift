/// Recognises HTML and reads the charset it declares, working on raw bytes because the
/// declaration has to be read before we know how to decode the rest.
enum HTMLSniffer {
    /// True when the name ends in .html/.htm or the first KB holds an HTML tag.
    static func isHTML(_ bytes: [UInt8], fileName: String?) -> Bool {
        if let name = fileName?.lowercased(), name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") {
            return true
        }
        let head = lowercasedASCII(bytes.prefix(1024))
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<body")
            || (head.contains("<head") && head.contains("<meta"))
    }

    /// The charset of `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`, lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = lowercasedASCII(bytes.prefix(8192))
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head.range(of: ">", range: meta.upperBound..<head.endIndex)?.lowerBound ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset") {
                var rest = tag[charset.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" })
                rest = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                if !rest.isEmpty { return String(rest) }
            }
            searchStart = tagEnd
        }
        return nil
    }

    /// Maps a declared charset to the decoder to use; nil when we do not support it
    /// (UTF-16 pages are recognised by their byte-order mark instead).
    static func encodingName(forCharset charset: String) -> String? {
        switch charset {
        case "utf-8", "utf8": return "utf-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "windows-936": return "gb18030"
        default: return nil
        }
    }

    /// ASCII bytes lowercased; other bytes become spaces so multibyte text cannot fake a tag.
    private static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let c = b < 0x80 ? b : 0x20
            scalars.append(Unicode.Scalar((c >= 0x41 && c <= 0x5A) ? c + 0x20 : c))
        }
        return String(scalars)
    }
}
