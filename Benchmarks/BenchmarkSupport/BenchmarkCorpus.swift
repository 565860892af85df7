import Foundation
import ReportParsing
import ReportProtocol

/// The repository's sample reports and data, found from this file's path, for the benchmarks.
public enum BenchmarkCorpus {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let domainDictionary = repository.appendingPathComponent("Config/dict/domain.txt")
    public static let configDirectory = repository.appendingPathComponent("Config")

    /// The five samples in Tests/Fixtures/corpus: file name and bytes.
    public static func samples() throws -> [(name: String, bytes: [UInt8])] {
        let corpus = repository.appendingPathComponent("Tests/Fixtures/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".txt") && $0.first?.isNumber == true }.sorted()
        guard !names.isEmpty else { throw MissingSamples(directory: corpus.path) }
        return try names.map { ($0, Array(try Data(contentsOf: corpus.appendingPathComponent($0)))) }
    }

    /// The samples as the real parser reads them.
    public static func documents() throws -> [ParsedDocument] {
        let parser = ReportParser()
        return try samples().map { try parser.parse(bytes: $0.bytes, fileName: $0.name) }
    }

    public struct MissingSamples: Error, CustomStringConvertible {
        public let directory: String
        public var description: String { "no sample reports (*.txt) in \(directory)" }
    }
}
