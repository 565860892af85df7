/// Decoding of one scalar from UTF-8 bytes, without building a `String`.
enum UTF8Scalars {
    /// The scalar starting at `offset` and its length in bytes. Malformed bytes decode as
    /// U+FFFD one byte at a time, so a damaged document never stops the tokenizer.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        let remaining = bytes.count - offset
        if lead >= 0xC2 && lead <= 0xDF && remaining >= 2 {
            let b1 = UInt32(bytes[offset + 1])
            if b1 & 0xC0 == 0x80 { return ((lead & 0x1F) << 6 | (b1 & 0x3F), 2) }
        } else if lead >= 0xE0 && lead <= 0xEF && remaining >= 3 {
            let b1 = UInt32(bytes[offset + 1]), b2 = UInt32(bytes[offset + 2])
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                let value = (lead & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                if value >= 0x800 && !(0xD800...0xDFFF).contains(value) { return (value, 3) }
            }
        } else if lead >= 0xF0 && lead <= 0xF4 && remaining >= 4 {
            let b1 = UInt32(bytes[offset + 1]), b2 = UInt32(bytes[offset + 2]), b3 = UInt32(bytes[offset + 3])
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 {
                let value = (lead & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
                if value >= 0x10000 && value <= 0x10FFFF { return (value, 4) }
            }
        }
        return (0xFFFD, 1)
    }

    /// Appends the UTF-8 encoding of `value` to `buffer`.
    @inline(__always)
    static func append(_ value: UInt32, to buffer: inout [UInt8]) {
        switch value {
        case ..<0x80:
            buffer.append(UInt8(value))
        case ..<0x800:
            buffer.append(UInt8(0xC0 | value >> 6))
            buffer.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            buffer.append(UInt8(0xE0 | value >> 12))
            buffer.append(UInt8(0x80 | (value >> 6) & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | value >> 18))
            buffer.append(UInt8(0x80 | (value >> 12) & 0x3F))
            buffer.append(UInt8(0x80 | (value >> 6) & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
