/// A bottom-k MinHash sketch of a text's content: the 64 smallest distinct hashes of its
/// 4-character shingles of letters, digits and Chinese characters. Punctuation, spaces and line
/// breaks are left out, so the same report hard-wrapped from a PDF or scraped from a web page
/// gets nearly the same sketch, and comparing two sketches estimates the Jaccard similarity of
/// the texts. One hash per shingle keeps it cheap enough for the daemon's loop.
struct TextFingerprint: Equatable, Sendable {
    static let size = 64
    private static let shingleLength = 4

    /// Ascending, distinct; fewer than `size` only for very short texts.
    let minima: [UInt32]

    init(minima: [UInt32]) {
        self.minima = minima
    }

    init(paragraphs: [String]) {
        var window = (UInt64(0), UInt64(0), UInt64(0))
        var filled = 0
        var sketch: [UInt32] = []
        sketch.reserveCapacity(Self.size + 1)
        for paragraph in paragraphs {
            for scalar in paragraph.unicodeScalars where Self.isContent(scalar) {
                let value = UInt64(scalar.value)
                defer { window = (window.1, window.2, value) }
                filled += 1
                guard filled >= Self.shingleLength else { continue }
                Self.insert(Self.hash(window.0, window.1, window.2, value), into: &sketch)
            }
        }
        minima = sketch
    }

    /// The estimated Jaccard similarity, 0…1: of the `size` smallest hashes of both texts
    /// together, the share found in both sketches. 0 when either text had no content.
    func similarity(to other: TextFingerprint) -> Double {
        minima.withUnsafeBufferPointer { mine in
            other.minima.withUnsafeBufferPointer { theirs in Self.similarity(mine, theirs, atLeast: 0) ?? 0 }
        }
    }

    /// The similarity of two sketches (ascending minima) when it is at least `threshold`, else nil.
    /// Of the k ≤ `size` smallest hashes of both, a similarity of at least t leaves at most
    /// (1 − t)·k ≤ (1 − t)·size found in only one sketch, so the merge stops at the first mismatch
    /// past that: unrelated reports are told apart in about a fifth of the full comparison,
    /// which is what a scan over every stored report costs.
    static func similarity(_ mine: UnsafeBufferPointer<UInt32>, _ theirs: UnsafeBufferPointer<UInt32>,
                           atLeast threshold: Double) -> Double? {
        guard !mine.isEmpty, !theirs.isEmpty else { return threshold <= 0 ? 0 : nil }
        let allowedMismatches = Int(((1 - threshold) * Double(size)).rounded(.down))
        var (left, right, taken, shared) = (0, 0, 0, 0)
        while taken < size, left < mine.count || right < theirs.count {
            let a = left < mine.count ? mine[left] : .max
            let b = right < theirs.count ? theirs[right] : .max
            if a == b {
                shared += 1
                left += 1
                right += 1
            } else {
                if a < b { left += 1 } else { right += 1 }
                if taken + 1 - shared > allowedMismatches { return nil }
            }
            taken += 1
        }
        let similarity = Double(shared) / Double(taken)
        return similarity >= threshold ? similarity : nil
    }

    /// Little-endian bytes, for the store.
    var bytes: [UInt8] {
        minima.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    init?(bytes: [UInt8]) {
        guard bytes.count % 4 == 0, bytes.count <= Self.size * 4 else { return nil }
        minima = stride(from: 0, to: bytes.count, by: 4).map { offset in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
        }
    }

    /// Letters, digits and Chinese characters; the common ranges are decided without Unicode tables.
    private static func isContent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return true
        case 0...0x7F, 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
        }
    }

    /// splitmix64's finaliser over the four code points.
    private static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt32 {
        var mixed = (a << 42) ^ (b << 28) ^ (c << 14) ^ d ^ 0x9e37_79b9_7f4a_7c15
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= mixed >> 31
        return UInt32(truncatingIfNeeded: mixed >> 32)
    }

    /// Keeps `sketch` the `size` smallest distinct hashes seen, ascending.
    private static func insert(_ hash: UInt32, into sketch: inout [UInt32]) {
        if sketch.count == size, hash >= sketch[size - 1] { return }
        var low = 0, high = sketch.count
        while low < high {
            let middle = (low + high) / 2
            if sketch[middle] < hash { low = middle + 1 } else { high = middle }
        }
        if low < sketch.count, sketch[low] == hash { return }
        sketch.insert(hash, at: low)
        if sketch.count > size { sketch.removeLast() }
    }
}
