/// A MinHash signature of a text's content: 64 minima over hashed 4-character shingles of its
/// letters, digits and Chinese characters. Punctuation, spaces and line breaks are left out, so
/// the same report hard-wrapped from a PDF or scraped from a web page gets nearly the same
/// signature, and the share of equal minima estimates the Jaccard similarity of the two texts.
struct TextFingerprint: Equatable, Sendable {
    static let size = 64
    private static let shingleLength = 4

    let minima: [UInt32]

    init(minima: [UInt32]) {
        self.minima = minima
    }

    init(paragraphs: [String]) {
        var window: [UInt32] = []
        window.reserveCapacity(Self.shingleLength)
        var minima = [UInt32](repeating: .max, count: Self.size)
        var shingles = 0
        for paragraph in paragraphs {
            for scalar in paragraph.unicodeScalars where Self.isContent(scalar) {
                if window.count == Self.shingleLength { window.removeFirst() }
                window.append(scalar.value)
                guard window.count == Self.shingleLength else { continue }
                shingles += 1
                Self.fold(Self.hash(window), into: &minima)
            }
        }
        self.minima = shingles == 0 ? [] : minima
    }

    /// The estimated Jaccard similarity, 0…1; 0 when either text had no content.
    func similarity(to other: TextFingerprint) -> Double {
        guard minima.count == Self.size, other.minima.count == Self.size else { return 0 }
        let equal = zip(minima, other.minima).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(equal) / Double(Self.size)
    }

    /// Little-endian bytes, for the store.
    var bytes: [UInt8] {
        minima.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    init?(bytes: [UInt8]) {
        guard bytes.count == Self.size * 4 else { return nil }
        minima = stride(from: 0, to: bytes.count, by: 4).map { offset in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
        }
    }

    private static func isContent(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// FNV-1a over the shingle's code points.
    private static func hash(_ window: [UInt32]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in window {
            hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// One minimum per seed: the shingle's hash mixed with the seed by splitmix64's finaliser
    /// stands in for 64 independent hash functions.
    private static func fold(_ hash: UInt64, into minima: inout [UInt32]) {
        for index in 0..<size {
            var mixed = hash &+ UInt64(index + 1) &* 0x9e37_79b9_7f4a_7c15
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            let value = UInt32(truncatingIfNeeded: mixed >> 32)
            if value < minima[index] { minima[index] = value }
        }
    }
}
