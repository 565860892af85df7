import Foundation
import ReportProtocol

/// A worker's answer must be a valid result of its service before it is stored and published.
///
/// Results are decoded whole, as their consumers will decode them: `WireJSON` reads the large
/// ones (`ParsedDocument`, `SummaryResult`) with the hand-written wire codec, about 0.15 ms for a
/// 50 KB report's document, so checking every nested field costs less than Foundation's
/// `JSONDecoder` spent on the top level alone. The daemon keeps storing and forwarding the
/// bytes the worker sent; of a parsed document it keeps only the paragraphs (for the
/// near-duplicate fingerprint), the headline fields `report.done` carries and its facts.
enum ResultCheck {
    /// Checks a parser result and returns it decoded.
    static func parsedDocument(_ body: [UInt8]) throws -> ParsedDocument {
        try check(ParsedDocument.self, body, from: ServiceName.parser)
    }

    /// Checks a summarizer result and returns how many keywords it has.
    @discardableResult
    static func summary(_ body: [UInt8]) throws -> Int {
        try check(SummaryResult.self, body, from: ServiceName.summarizer).keywords.count
    }

    static func index(_ body: [UInt8], from service: String) throws {
        try check(IndexResult.self, body, from: service)
    }

    @discardableResult
    private static func check<T: Decodable>(_ type: T.Type, _ body: [UInt8], from service: String) throws -> T {
        do {
            return try WireJSON.decode(type, from: body)
        } catch {
            throw JobFailure(reason: "the \(service) worker returned a result that is not a valid \(type): \(error)",
                             retryable: false)
        }
    }
}

/// Builds `{"document": …, "file": …, "report_id": …}` around the stored document bytes.
enum DocumentInputEncoder {
    static func encode(reportId: String, file: String, document: [UInt8]) -> [UInt8] {
        let rest = (try? WireJSON.encode(["file": file, "report_id": reportId])) ?? Array("{}".utf8)
        var input: [UInt8] = []
        input.reserveCapacity(document.count + rest.count + 12)
        input += #"{"document":"#.utf8
        input += document
        input.append(UInt8(ascii: ","))
        input += rest.dropFirst()
        return input
    }
}
