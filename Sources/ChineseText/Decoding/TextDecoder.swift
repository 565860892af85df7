/// Text recovered from a file's bytes.
public struct DecodedText: Sendable, Equatable {
    public enum SourceFormat: String, Sendable, Equatable { case plainText = "text", html }

    public var text: String
    /// "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "gb18030".
    public var encoding: String
    /// HTML pages have already been reduced to their text in `text`.
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
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            return try checked(utf8, "utf-8")
        }
        guard let gb = GB18030.decode(bytes) else { throw .undecodable }
        let common = GB18030.commonCharacterShare(bytes)
        if common.share < 0.6 {
            let percent = Int((common.share * 100).rounded())
            throw .implausibleText(encoding: "gb18030",
                                   detail: "only \(percent)% of \(common.doubleBytes) double-byte characters are common Chinese characters")
        }
        return try checked(gb, "gb18030")
    }

    private static func decode(_ bytes: [UInt8], as encoding: String) -> String? {
        switch encoding {
        case "utf-8": return String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        case "gb18030": return GB18030.decode(bytes)
        default: return nil
        }
    }

    private static func checked(_ text: String?, _ encoding: String) throws(TextDecodingError) -> DecodedText {
        guard let text else { throw .undecodable }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        if let problem = TextPlausibility.problem(in: text) {
            throw .implausibleText(encoding: encoding, detail: problem)
        }
        return DecodedText(text: text, encoding: encoding)
    }

    /// Strict UTF-16: an odd byte count or an unpaired surrogate fails.
    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
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
