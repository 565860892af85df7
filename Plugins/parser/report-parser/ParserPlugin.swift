import Foundation
import ReportParsing
import ReportProtocol
import WorkerKit

/// Serves `parser`: the job's payload is the dropped file's bytes, the result a ParsedDocument.
struct ParserPlugin: WorkerPlugin {
    let name = "report-parser"
    let services = [ServiceName.parser]
    let job = ParserJob()

    func handle(_ request: JobRequest) throws -> [UInt8] {
        try job.run(input: request.input, payload: request.payload)
    }

    var oneShotCommands: [OneShotCommand] {
        [OneShotCommand(name: "parse", usage: "FILE   print the parsed document as JSON") { arguments in
            guard let path = arguments.first else { throw JobFailure(reason: "parse needs a file", retryable: false) }
            return try job.parse(OneShotInput.read(path), fileName: URL(fileURLWithPath: path).lastPathComponent)
        }]
    }
}
