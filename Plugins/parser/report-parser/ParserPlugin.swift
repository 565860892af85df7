import Foundation
import ReportParsing
import ReportProtocol
import WorkerKit

/// Serves `parser`: the job's payload is the dropped file's bytes, the result a ParsedDocument.
struct ParserPlugin: WorkerPlugin {
    let name = "report-parser"
    let services = [ServiceName.parser]
    let parser = ReportParser()

    func handle(_ job: JobRequest) throws -> [UInt8] {
        let input: ParseInput
        do {
            input = try WireJSON.decode(ParseInput.self, from: job.input)
        } catch {
            throw JobFailure(reason: "input is not a valid ParseInput: \(error)", retryable: false)
        }
        return try parse(job.payload, fileName: input.file)
    }

    var oneShotCommands: [OneShotCommand] {
        [OneShotCommand(name: "parse", usage: "FILE   print the parsed document as JSON") { arguments in
            guard let path = arguments.first else { throw JobFailure(reason: "parse needs a file", retryable: false) }
            return try parse(OneShotInput.read(path), fileName: URL(fileURLWithPath: path).lastPathComponent)
        }]
    }

    private func parse(_ bytes: [UInt8], fileName: String) throws -> [UInt8] {
        do {
            return try WireJSON.encode(try parser.parse(bytes: bytes, fileName: fileName))
        } catch let failure as ParseFailure {
            throw JobFailure(reason: failure.reason, retryable: failure.retryable)
        }
    }
}
