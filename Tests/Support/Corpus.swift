import Foundation
import ReportParsing
import ReportProtocol

/// The five sample reports in Tests/Fixtures/corpus, as bytes, as text, and as the real
/// parser reads them. A sample is named by its number, "000" … "004".
public enum Corpus {
    public static var directory: URL { Repository.fixtures.appendingPathComponent("corpus") }

    /// Every sample, in file-name order.
    public static func samples() throws -> [CorpusSample] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") && $0.first?.isNumber == true }
            .sorted()
            .map { CorpusSample(file: $0) }
    }

    /// The sample whose file name starts with `number` and an underscore.
    public static func sample(_ number: String) throws -> CorpusSample {
        guard let sample = try samples().first(where: { $0.number == number }) else { throw noSample(number) }
        return sample
    }

    public static func bytes(_ number: String) throws -> [UInt8] {
        Array(try Data(contentsOf: try sample(number).url))
    }

    public static func text(_ number: String) throws -> String {
        String(decoding: try bytes(number), as: UTF8.self)
    }

    /// GB18030 through Foundation's CoreFoundation encoding number, independent of the decoder.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The sample as `ReportParser` turns it into a document.
    public static func document(_ number: String) throws -> ParsedDocument {
        try report(number).document
    }

    public static func report(_ number: String) throws -> CorpusReport {
        guard let report = try reports().first(where: { $0.sample.number == number }) else { throw noSample(number) }
        return report
    }

    /// Every sample with its parsed document, in file-name order.
    public static func reports() throws -> [CorpusReport] {
        try parsed.get()
    }

    /// Parsed once per test process: a debug-build parse of all five takes a while, and many
    /// tests index or summarize the same documents.
    private static let parsed: Result<[CorpusReport], Error> = Result {
        try samples().map { sample in
            let bytes = Array(try Data(contentsOf: sample.url))
            return CorpusReport(sample: sample, document: try ReportParser().parse(bytes: bytes, fileName: sample.file))
        }
    }

    private static func noSample(_ number: String) -> CocoaError {
        CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(directory.path)/\(number)_*.txt"])
    }
}
