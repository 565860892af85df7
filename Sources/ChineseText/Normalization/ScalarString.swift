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
