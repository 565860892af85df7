/// The hand-written readers on their own, without `WireJSON`'s fallback to JSONDecoder, for the
/// differential fuzz target (Fuzz/Sources/fuzz-wire), which checks that they never accept what
/// JSONDecoder refuses nor read a different value. Not for use anywhere else: `WireJSON.decode`
/// is the reading that keeps the contract.
@_spi(WireFuzzing)
public enum WireFastReaderProbe {
    /// What the fast reader makes of `bytes`, or nil where it declines or fails.
    public static func read<T>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        guard let fast = type as? any WireFastDecodable.Type else { return nil }
        return (try? fast.init(wireBytes: bytes)) as? T
    }
}
