/// Text recovered from a file's bytes.
public struct DecodedText: Sendable, Equatable {
    public enum SourceFormat: String, Sendable, Equatable { case plainText = "text", html, pdf, docx }

    public var text: String
    /// "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "gb18030"; "pdf" or "docx" for those.
    public var encoding: String
    /// HTML pages, PDF and DOCX files have already been reduced to their text in `text`.
    public var format: SourceFormat

    public init(text: String, encoding: String, format: SourceFormat = .plainText) {
        self.text = text
        self.encoding = encoding
        self.format = format
    }
}

/// Detects the encoding from the bytes themselves (never from the file name), refuses binary
/// and implausible input with a reason, and reduces HTML pages to text.
public enum TextDecoder {
    /// - Parameter fileName: only used to recognise an HTML page whose markup is not in the first KB.
    public static func decode(_ bytes: [UInt8], fileName: String? = nil) throws(TextDecodingError) -> DecodedText {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }
        // Documents are recognised by their magic bytes, never by the file name.
        if PDFText.isPDF(bytes) {
            return try checked(PDFText.extract(bytes), "pdf", format: .pdf)
        }
        if DOCXText.isZIP(bytes) {
            return try checked(DOCXText.extract(bytes), "docx", format: .docx)
        }
        if let format = BinarySniffer.knownFormat(bytes) { throw .binaryFormat(format) }

        var decoded = try decodeText(bytes)
        if HTMLSniffer.isHTML(bytes, fileName: fileName) {
            if let charset = HTMLSniffer.declaredCharset(bytes),
               let declared = HTMLSniffer.encodingName(forCharset: charset),
               declared != decoded.encoding, !decoded.encoding.hasPrefix(declared),
               let redecoded = decode(bytes, as: declared) {
                decoded = DecodedText(text: redecoded, encoding: declared)
            }
            decoded.text = HTMLText.plainText(fromHTML: decoded.text)
            decoded.format = .html
            if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        }
        return decoded
    }

    /// Byte-order marks first, then the binary check, then strict UTF-8, then GB18030.
    private static func decodeText(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try checked(String(validating: bytes.dropFirst(3), as: UTF8.self), "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try checked(utf16(bytes.dropFirst(2), bigEndian: false), "utf-16le")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try checked(utf16(bytes.dropFirst(2), bigEndian: true), "utf-16be")
        }
        if let binary = BinarySniffer.looksBinary(bytes) { throw binary }
        if let utf8 = String(validating: bytes, as: UTF8.self) ?? withoutCutUTF8Tail(bytes).flatMap({ String(validating: $0, as: UTF8.self) }) {
            return try checked(utf8, "utf-8")
        }
        guard let gb = GB18030.decode(bytes) ?? GB18030.decode(Array(withoutCutTail(bytes))) else { throw .undecodable }
        let common = GB18030.commonCharacterShare(bytes)
        if common.share < 0.6 {
            let percent = Int((common.share * 100).rounded())
            throw .implausibleText(encoding: "gb18030",
                                   detail: "only \(percent)% of \(common.doubleBytes) double-byte characters are common Chinese characters")
        }
        return try checked(gb, "gb18030")
    }

    /// A file cut off mid-character (an interrupted copy) ends in the start of a UTF-8
    /// sequence that lacks its last bytes; nil when the tail is not such a start.
    private static func withoutCutUTF8Tail(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard let lead = bytes.indices.suffix(3).last(where: { bytes[$0] >= 0xC2 && bytes[$0] <= 0xF4 }) else { return nil }
        let needed = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
        let tail = bytes[(lead + 1)...]
        guard tail.count < needed - 1, tail.allSatisfy({ $0 >= 0x80 && $0 <= 0xBF }) else {
            return nil
        }
        return bytes[..<lead]
    }

    /// The same for GB18030: up to three trailing bytes of an unfinished two- or four-byte character.
    private static func withoutCutTail(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes.endIndex - end < 3, bytes[end - 1] >= 0x80 { end -= 1 }
        return bytes[..<end]
    }

    private static func decode(_ bytes: [UInt8], as encoding: String) -> String? {
        switch encoding {
        case "utf-8": return String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        case "gb18030": return GB18030.decode(bytes)
        default: return nil
        }
    }

    private static func checked(_ text: String?, _ encoding: String,
                                format: DecodedText.SourceFormat = .plainText) throws(TextDecodingError) -> DecodedText {
        guard let text else { throw .undecodable }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        if let problem = TextPlausibility.problem(in: text) {
            throw .implausibleText(encoding: encoding, detail: problem)
        }
        return DecodedText(text: text, encoding: encoding, format: format)
    }

    /// Strict UTF-16: an odd byte count or an unpaired surrogate fails.
    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        // An odd count is a file cut mid-character: the last byte is dropped.
        let bytes = bytes.prefix(bytes.count - bytes.count % 2)
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }
}
