import Foundation

/// jieba's character-tagging HMM (states B, M, E, S: begin, middle, end of a word, single),
/// used to find words that are not in any dictionary among runs of single characters.
/// The probabilities are jieba's own, read at run time from its finalseg/prob_*.py files.
public struct HMMModel: Sendable {
    /// Where Debian's python3-jieba puts the model.
    public static let debianDirectory = URL(fileURLWithPath: "/usr/lib/python3/dist-packages/jieba/finalseg")

    static let states = ["B", "M", "E", "S"]
    /// Log probabilities, indexed by state number (B=0, M=1, E=2, S=3).
    let start: [Double]
    let transition: [[Double]]
    let emission: [[UInt32: Double]]
    /// `emission` for the CJK Unified Ideographs block, the four states of a character side by
    /// side (index (scalar − `firstIdeograph`) × 4 + state), the unseen floor where a state never
    /// emitted it, instead of four hashed look-ups per character (a Hasher run each).
    let ideographEmission: [Double]
    static let firstIdeograph: UInt32 = 0x4E00
    static let ideographCount: UInt32 = 0xA000 - 0x4E00

    /// Loads prob_start.py, prob_trans.py and prob_emit.py from `directory`.
    public init(directory: URL) throws {
        let startTable = try HMMModel.readTable(directory.appendingPathComponent("prob_start.py"))
        let transTable = try HMMModel.readTable(directory.appendingPathComponent("prob_trans.py"))
        let emitURL = directory.appendingPathComponent("prob_emit.py")
        let emitTable = try HMMModel.readTable(emitURL)

        start = try HMMModel.states.map { try HMMModel.number(startTable[$0], at: directory.appendingPathComponent("prob_start.py"), key: $0) }
        transition = try HMMModel.states.map { from in
            let row = try HMMModel.dictionary(transTable[from], at: directory.appendingPathComponent("prob_trans.py"), key: from)
            return HMMModel.states.map { to in
                if case .number(let value)? = row[to] { return value }
                return -Double.infinity
            }
        }
        emission = try HMMModel.states.map { state in
            let row = try HMMModel.dictionary(emitTable[state], at: emitURL, key: state)
            var table = [UInt32: Double](minimumCapacity: row.count)
            for (key, value) in row {
                guard case .number(let probability) = value, key.unicodeScalars.count == 1 else {
                    throw SegmenterError.malformedHMMModel(path: emitURL.path, reason: "state \(state): key '\(key)' is not one character with a number")
                }
                table[key.unicodeScalars.first!.value] = probability
            }
            return table
        }
        ideographEmission = (0..<HMMModel.ideographCount).flatMap { [emission] offset in
            emission.map { $0[HMMModel.firstIdeograph + offset] ?? HMMModel.unseen }
        }
    }

    /// The log probability that `state` emits `scalar`.
    @inline(__always)
    func emissionLogProbability(_ state: Int, _ scalar: UInt32) -> Double {
        let offset = scalar &- HMMModel.firstIdeograph
        guard offset < HMMModel.ideographCount else { return emission[state][scalar] ?? HMMModel.unseen }
        return ideographEmission.withUnsafeBufferPointer { $0[Int(offset) &* 4 &+ state] }
    }

    private static func readTable(_ url: URL) throws -> [String: PythonLiteralReader.Value] {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw SegmenterError.hmmModelUnreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            guard case .dictionary(let table) = try PythonLiteralReader.readAssignment(of: "P", in: bytes) else {
                throw SegmenterError.malformedHMMModel(path: url.path, reason: "P is not a dict")
            }
            return table
        } catch let failure as PythonLiteralReader.Failure {
            throw SegmenterError.malformedHMMModel(path: url.path, reason: failure.reason)
        }
    }

    private static func number(_ value: PythonLiteralReader.Value?, at url: URL, key: String) throws -> Double {
        guard case .number(let number)? = value else {
            throw SegmenterError.malformedHMMModel(path: url.path, reason: "no number for state \(key)")
        }
        return number
    }

    private static func dictionary(_ value: PythonLiteralReader.Value?, at url: URL, key: String) throws -> [String: PythonLiteralReader.Value] {
        guard case .dictionary(let table)? = value else {
            throw SegmenterError.malformedHMMModel(path: url.path, reason: "no table for state \(key)")
        }
        return table
    }
}
