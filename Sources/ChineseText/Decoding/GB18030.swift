import Foundation

/// GB18030 (a superset of GBK and GB2312). Linux Foundation has no GBK constant, but it
/// decodes GB18030 through the CoreFoundation encoding number, which we pass as a raw value.
enum GB18030 {
    /// kCFStringEncodingGB_18030_2000 (0x0632) mapped to an NSStringEncoding.
    static let encoding = String.Encoding(rawValue: 0x8000_0632)

    static func decode(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: encoding)
    }

    /// Share of double-byte characters that lie in GB2312's symbol rows or its first level of
    /// 3,755 common hanzi. Real Chinese prose scores above 0.9; random high bytes that happen
    /// to be valid GB18030 score about 0.2, because most of the code space holds rare characters.
    static func commonCharacterShare(_ bytes: [UInt8]) -> (share: Double, doubleBytes: Int) {
        var i = 0
        var doubleBytes = 0
        var common = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            guard i + 1 < bytes.count else { break }
            let trail = bytes[i + 1]
            if trail >= 0x30 && trail <= 0x39 { i += 4; continue }   // four-byte form: rare by definition
            doubleBytes += 1
            let gb2312Trail = trail >= 0xA1 && trail <= 0xFE
            if gb2312Trail && ((lead >= 0xA1 && lead <= 0xA9) || (lead >= 0xB0 && lead <= 0xD7)) { common += 1 }
            i += 2
        }
        return (doubleBytes == 0 ? 1 : Double(common) / Double(doubleBytes), doubleBytes)
    }
}
