import Foundation

/// Distinct reports made from the samples: the same text with a numbered note appended,
/// so each has its own content hash, as a burst of real reports would.
enum SampleVariants {
    static func make(_ count: Int) throws -> [(name: String, bytes: [UInt8])] {
        let samples = try ["000", "001", "002", "003", "004"].map { Array(try Data(contentsOf: RepositoryPaths.corpusFile($0))) }
        return (0..<count).map { index in
            let note = Array("\n（第\(index)份副本，用于测试。）\n".utf8)
            return (String(format: "variant-%04d.txt", index), samples[index % samples.count] + note)
        }
    }
}
