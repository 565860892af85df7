/// A string's Unicode scalars with the UTF-8 offset of each, so tokens are found on plain
/// integer arrays and cut back out of the UTF-8 bytes without Character iteration.
struct SegmenterInput {
    let utf8: [UInt8]
    let scalars: [UInt32]
    /// `offsets[i]` is where scalar i starts in `utf8`; one extra entry marks the end.
    let offsets: [Int]

    init(_ text: String) {
        var text = text
        utf8 = text.withUTF8 { Array($0) }
        var scalars = [UInt32]()
        var offsets = [Int]()
        scalars.reserveCapacity(utf8.count / 2)
        offsets.reserveCapacity(utf8.count / 2 + 1)
        var position = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar.value)
            offsets.append(position)
            position += UTF8.width(scalar)
        }
        offsets.append(position)
        self.scalars = scalars
        self.offsets = offsets
    }

    func string(_ range: Range<Int>) -> String {
        utf8.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[offsets[range.lowerBound]..<offsets[range.upperBound]]), as: UTF8.self)
        }
    }
}
