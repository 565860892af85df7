import Foundation
import ReportProtocol

/// One sample file: 002_71f5e4da6f442e07.txt has number "002" and id "002_71f5e4da6f442e07".
public struct CorpusSample: Sendable, Equatable {
    public let file: String

    public var number: String { String(file.prefix { $0 != "_" }) }
    /// The file name without its extension: a stable, readable report id for tests.
    public var id: String { String(file.dropLast(".txt".count)) }
    public var url: URL { Corpus.directory.appendingPathComponent(file) }
}

/// A sample and the document the real parser made of it.
public struct CorpusReport: Sendable {
    public let sample: CorpusSample
    public let document: ParsedDocument

    public var id: String { sample.id }
    public var file: String { sample.file }
}
