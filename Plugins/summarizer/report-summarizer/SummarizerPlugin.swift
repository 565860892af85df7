import Foundation
import ReportProtocol
import ReportSummarizing
import WorkerKit

/// Serves `summarizer`: keywords and a summary of whole sentences for a parsed report.
struct SummarizerPlugin: WorkerPlugin {
    let name = "report-summarizer"
    let services = [ServiceName.summarizer]
    let summarizer: @Sendable () throws -> Summarizer

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
        }]
    }
}
