/// Which scalars may start one of a list of words, as a 4096-bit table of their low bits:
/// a search over a whole line or report turns most positions away with one lookup, and
/// compares words only where the table lets a position through.
public struct FirstScalarTable: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    public init(words: [[Unicode.Scalar]]) {
        for first in words.compactMap(\.first) {
            bits[Int(first.value >> 6 & 63)] |= 1 << UInt64(first.value & 63)
        }
    }

    /// False when no word starts with `scalar`; true may still be a scalar with the same low bits.
    @inline(__always)
    public func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        bits[Int(scalar.value >> 6 & 63)] & (1 << UInt64(scalar.value & 63)) != 0
    }
}
