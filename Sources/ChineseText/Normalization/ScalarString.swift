extension String {
    /// The string of these scalars, encoded straight into UTF-8. Appending scalars to a
    /// `String.UnicodeScalarView` goes through a generic transcoding path that cost a fifth of
    /// the parser's time; this writes the bytes once.
    public init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var end = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case ..<0x80:
                    buffer[end] = UInt8(value)
                    end += 1
                case ..<0x800:
                    buffer[end] = UInt8(0xC0 | value >> 6)
                    buffer[end + 1] = UInt8(0x80 | value & 0x3F)
                    end += 2
                case ..<0x10000:
                    buffer[end] = UInt8(0xE0 | value >> 12)
                    buffer[end + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[end + 2] = UInt8(0x80 | value & 0x3F)
                    end += 3
                default:
                    buffer[end] = UInt8(0xF0 | value >> 18)
                    buffer[end + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[end + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[end + 3] = UInt8(0x80 | value & 0x3F)
                    end += 4
                }
            }
            return end
        }
    }
}

extension String {
    /// The scalars as an array, decoded from the UTF-8 in one pass. `Array(unicodeScalars)`
    /// walks the text twice (once to count) through the generic collection path.
    public var unicodeScalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                var i = 0
                var n = 0
                while i < utf8.count {
                    let lead = UInt32(utf8[i])
                    var value: UInt32
                    if lead < 0x80 {
                        value = lead
                        i += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                            | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    // A String's storage is valid UTF-8, so every decoded value is a scalar.
                    buffer[n] = unsafeBitCast(value, to: Unicode.Scalar.self)
                    n += 1
                }
                count = n
            }
        }
    }
}
