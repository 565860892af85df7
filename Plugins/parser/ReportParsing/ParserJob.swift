import ReportProtocol

/// One `parser` job as the worker serves it: the ParseInput JSON, the file's bytes, the
/// ParsedDocument JSON back. Here rather than in the executable so the benchmarks time exactly
/// what the worker does.
public struct ParserJob: Sendable {
    let parser: ReportParser

    public init(parser: ReportParser = ReportParser()) {
        self.parser = parser
    }

    /// - Throws: `JobFailure`, retryable or not as the problem is the installation or the file.
    public func run(input: [UInt8], payload: [UInt8]) throws -> [UInt8] {
        let parseInput: ParseInput
        do {
            parseInput = try WireJSON.decode(ParseInput.self, from: input)
        } catch {
            throw JobFailure(reason: "input is not a valid ParseInput: \(error)", retryable: false)
        }
        return try parse(payload, fileName: parseInput.file)
    }

    /// The file's bytes to the document's JSON, for the worker and the one-shot `parse` command.
    public func parse(_ bytes: [UInt8], fileName: String) throws -> [UInt8] {
        do {
            return try WireJSON.encode(try parser.parse(bytes: bytes, fileName: fileName))
        } catch let failure as ParseFailure {
            throw JobFailure(reason: failure.reason, retryable: failure.retryable)
        }
    }
}
