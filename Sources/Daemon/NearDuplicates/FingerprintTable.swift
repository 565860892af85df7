/// Every known report's sketch, in flat arrays: `TextFingerprint.size` hash slots a report
/// and how many are used, beside the report ids and file names. No array per report, so 100,000
/// reports take about 40 MB and a scan over them reads memory in order.
struct FingerprintTable {
    private var minima: [UInt32] = []
    private var counts: [UInt8] = []
    private(set) var ids: [String] = []
    private(set) var files: [String] = []

    mutating func append(id: String, file: String, fingerprint: TextFingerprint) {
        let used = min(fingerprint.minima.count, TextFingerprint.size)
        minima += fingerprint.minima.prefix(used)
        minima += repeatElement(0, count: TextFingerprint.size - used)
        counts.append(UInt8(used))
        ids.append(id)
        files.append(file)
    }

    /// The first stored report (other than `excluded`) most similar to `fingerprint`, if at
    /// least `threshold` similar: its position and the similarity.
    func mostSimilar(to fingerprint: TextFingerprint, atLeast threshold: Double,
                     excluding excluded: String) -> (index: Int, similarity: Double)? {
        var best: (index: Int, similarity: Double)?
        fingerprint.minima.withUnsafeBufferPointer { mine in
            minima.withUnsafeBufferPointer { all in
                for index in counts.indices {
                    let start = index * TextFingerprint.size
                    let theirs = UnsafeBufferPointer(rebasing: all[start..<start + Int(counts[index])])
                    guard let similarity = TextFingerprint.similarity(mine, theirs, atLeast: threshold),
                          similarity > (best?.similarity ?? 0), ids[index] != excluded else { continue }
                    best = (index, similarity)
                }
            }
        }
        return best
    }
}
