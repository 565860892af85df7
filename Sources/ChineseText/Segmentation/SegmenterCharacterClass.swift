/// How the segmenter treats one Unicode scalar.
enum SegmenterCharacterClass {
    case han, letter, digit, space, other

    @inline(__always) init(_ scalar: UInt32) {
        switch scalar {
        case 0x4e00...0x9fff, 0x3400...0x4dbf, 0xf900...0xfaff, 0x20000...0x2ffff, 0x3007: self = .han
        case 0x30...0x39, 0xff10...0xff19: self = .digit
        case 0x41...0x5a, 0x61...0x7a, 0xff21...0xff3a, 0xff41...0xff5a: self = .letter
        case 0x09...0x0d, 0x20, 0x85, 0xa0, 0x3000, 0x2000...0x200b, 0x2028, 0x2029, 0xfeff: self = .space
        default: self = .other
        }
    }

    @inline(__always) static func isDecimalPoint(_ scalar: UInt32) -> Bool { scalar == 0x2e || scalar == 0xff0e }
    @inline(__always) static func isPercent(_ scalar: UInt32) -> Bool { scalar == 0x25 || scalar == 0xff05 || scalar == 0x2030 }
}
