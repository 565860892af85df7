import Foundation
import ReportProtocol
import ReportSummarizing
import WorkerKit

/// Serves `summarizer`: keywords and a summary of whole sentences for a parsed report.
struct SummarizerPlugin: WorkerPlugin {
    let name = "report-summarizer"
    let services = [ServiceName.summarizer]
    let summarizer: @Sendable () throws -> Summarizer
    /// Without the corpus table, for computing it.
    let candidateFinder: @Sendable () throws -> Summarizer

    func prepare() throws {
        _ = try summarizer()
    }

    func handle(_ job: JobRequest) throws -> [UInt8] {
        let input: DocumentInput
        do {
            input = try WireJSON.decode(DocumentInput.self, from: job.input)
        } catch {
            throw JobFailure(reason: "input is not a valid DocumentInput: \(error)", retryable: false)
        }
        return try WireJSON.encode(try summarizer().summarize(input.document))
    }

    var oneShotCommands: [OneShotCommand] {
        [OneShotCommand(name: "summarize", usage: "DOCUMENT.json   summarize a parsed document (report-parser parse output, or - for stdin)") { arguments in
            guard let path = arguments.first else { throw JobFailure(reason: "summarize needs a document file", retryable: false) }
            let document = try WireJSON.decode(ParsedDocument.self, from: OneShotInput.read(path))
            return try WireJSON.encode(try summarizer().summarize(document))
        },
        OneShotCommand(name: "document-frequencies", usage: "DOCUMENT.json...   print Config/dict/report_df.txt for these parsed documents") { arguments in
            guard !arguments.isEmpty else { throw JobFailure(reason: "document-frequencies needs document files", retryable: false) }
            let finder = try candidateFinder()
            let terms = try arguments.map { path in
                finder.keywordCandidates(try WireJSON.decode(ParsedDocument.self, from: OneShotInput.read(path)))
            }
            let table = DocumentFrequencyTable(documentTerms: terms)
            let names = arguments.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
            return Array(table.serialized(comment: """
                Documents of our own corpus holding each keyword candidate (see docs/SEGMENTATION.md).
                Made by `report-summarizer document-frequencies` from: \(names)
                with \(finder.segmenter.dictionaryVersion)
                """).utf8)
        },
        OneShotCommand(name: "keyword-ranks", usage: "DOCUMENT.json [TERM...]   print every keyword candidate as `rank term weight`, or only the TERMs") { arguments in
            guard let path = arguments.first else { throw JobFailure(reason: "keyword-ranks needs a document file", retryable: false) }
            let document = try WireJSON.decode(ParsedDocument.self, from: OneShotInput.read(path))
            let ranked = try summarizer().rankedKeywords(document)
            let wanted = Array(arguments.dropFirst())
            let lines = wanted.isEmpty
                ? ranked.enumerated().map { "\($0.offset + 1) \($0.element.term) \($0.element.weight)" }
                : wanted.map { term in
                    ranked.firstIndex { $0.term == term }.map { "\($0 + 1) \(term) \(ranked[$0].weight)" } ?? "- \(term) not a candidate"
                }
            return Array((lines.joined(separator: "\n") + "\n").utf8)
        }]
    }
}
