/// The services the daemon dispatches to, by the names plugins announce.
public enum ServiceName {
    public static let parser = "parser"
    public static let indexer = "indexer"
    public static let summarizer = "summarizer"
    /// Served by the indexer: answers `reportctl search` through the daemon.
    public static let search = "search"
}

/// The input of the parser service; the file's bytes travel as the job payload.
public struct ParseInput: Codable, Sendable, Equatable {
    public var reportId: String
    public var file: String
    public init(reportId: String, file: String) {
        self.reportId = reportId
        self.file = file
    }
}

/// The input of the indexer and summarizer services: the parser's document.
public struct DocumentInput: Codable, Sendable {
    public var reportId: String
    public var file: String
    public var document: ParsedDocument
    public init(reportId: String, file: String, document: ParsedDocument) {
        self.reportId = reportId
        self.file = file
        self.document = document
    }
}
