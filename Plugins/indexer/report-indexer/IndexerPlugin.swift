import Foundation
import ReportIndexing
import ReportProtocol
import WorkerKit

/// Serves `indexer` (add a parsed report to the index) and `search` (query it: a search or a trend).
/// The index file is the one piece of state a plugin owns: `<data dir>/index/search.sqlite`.
struct IndexerPlugin: WorkerPlugin {
    let name = "report-indexer"
    let services = [ServiceName.indexer, ServiceName.search]
    let index: @Sendable () throws -> SearchIndex

    /// Opens the index at start; one of another schema version was emptied, and only the daemon
    /// holds the documents to fill it again, so say how.
    func prepare() throws {
        let opened = try index()
        if case .rebuilt(let old) = opened.schemaState {
            FileHandle.standardError.write(Data("""
                \(name): \(opened.path) had index schema \(old); it was rebuilt empty at schema \(IndexSchema.version). \
                Run `reportctl reindex` to index the stored reports again.\n
                """.utf8))
        }
        if case .upgraded(let old) = opened.schemaState {
            FileHandle.standardError.write(Data("""
                \(name): \(opened.path) was upgraded from index schema \(old) to \(IndexSchema.version), keeping its reports; \
                `reportctl trend --by level` knows their levels once `reportctl reindex` has indexed them again.\n
                """.utf8))
        }
    }

    func handle(_ job: JobRequest) throws -> [UInt8] {
        switch job.service {
        case ServiceName.indexer:
            let input = try decode(DocumentInput.self, job.input)
            return try WireJSON.encode(try index().index(reportId: input.reportId, file: input.file, document: input.document))
        case ServiceName.search:
            let request = try decode(SearchServiceJob.self, job.input)
            do {
                switch request {
                case .search(let search): return try WireJSON.encode(try index().search(search))
                case .trend(let trend): return try WireJSON.encode(try index().trend(trend))
                }
            } catch let error as SearchIndexError {
                if error.isAboutTheRequest { throw JobFailure(reason: error.description, retryable: false) }
                throw error
            }
        default:
            throw JobFailure(reason: "\(name) does not serve \(job.service)", retryable: false)
        }
    }

    var oneShotCommands: [OneShotCommand] {
        [
            OneShotCommand(name: "index", usage: "DOCUMENT.json   index a parsed document (report-parser parse output)") { arguments in
                guard let path = arguments.first else { throw JobFailure(reason: "index needs a document file", retryable: false) }
                let document = try WireJSON.decode(ParsedDocument.self, from: OneShotInput.read(path))
                let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                return try WireJSON.encode(try index().index(reportId: id, file: path, document: document))
            },
            OneShotCommand(name: "search", usage: "QUERY   search the index and print the hits") { arguments in
                guard !arguments.isEmpty else { throw JobFailure(reason: "search needs a query", retryable: false) }
                return try WireJSON.encode(try index().search(SearchRequest(query: arguments.joined(separator: " "))))
            },
            OneShotCommand(name: "trend", usage: "PHRASE [year|region|level]   count the phrase across the index") { arguments in
                guard let phrase = arguments.first else { throw JobFailure(reason: "trend needs a phrase", retryable: false) }
                guard let by = TrendGrouping(rawValue: arguments.dropFirst().first ?? "year") else {
                    throw JobFailure(reason: "trend groups by year, region or level", retryable: false)
                }
                return try WireJSON.encode(try index().trend(TrendRequest(phrase: phrase, by: by)))
            },
        ]
    }

    private func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        do {
            return try WireJSON.decode(type, from: bytes)
        } catch {
            throw JobFailure(reason: "input is not a valid \(type): \(error)", retryable: false)
        }
    }
}
