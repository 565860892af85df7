import Foundation
import ReportProtocol

/// A worker's answer must have the shape of its service's result before it is stored and
/// published: a JSON object with the result's required fields, each of the right JSON kind.
///
/// The daemon stores and forwards results as the bytes the worker sent; of a parsed document it
/// reads only the paragraphs (for the near-duplicate fingerprint). So it checks the top level
/// and decodes nothing else: decoding a whole `ParsedDocument` (thousands of sentence spans and
/// indicators) cost a fifth of the daemon's CPU per report. The element types inside the
/// arrays are the producing plugin's contract, held by its own tests and by every consumer's
/// decoder.
enum ResultCheck {
    /// Checks a parser result and returns its paragraphs (for the fingerprint) and its headline
    /// (stored for `report.done`, so finishing a report reads no JSON back out of the store).
    static func parsedDocument(_ body: [UInt8]) throws -> (paragraphs: [String], headline: DocumentHeadline) {
        let digest = try check(ParsedDocumentDigest.self, body, from: ServiceName.parser)
        return (digest.paragraphs, digest.headline)
    }

    /// Checks a summarizer result and returns how many keywords it has.
    @discardableResult
    static func summary(_ body: [UInt8]) throws -> Int {
        try check(SummaryDigest.self, body, from: ServiceName.summarizer).keywords
    }

    static func index(_ body: [UInt8], from service: String) throws {
        try check(IndexDigest.self, body, from: service)
    }

    /// One decoder, reused (making one per result is not free), with literal snake_case keys:
    /// converting every key name cost more than reading it.
    private static let decoder = JSONDecoder()

    @discardableResult
    private static func check<T: ResultDigest>(_ type: T.Type, _ body: [UInt8], from service: String) throws -> T {
        do {
            // Decoded in place: a result is up to a few hundred KB, not worth a copy into Data.
            return try body.withUnsafeBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return try decoder.decode(type, from: Data()) }
                let view = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: start), count: buffer.count, deallocator: .none)
                return try decoder.decode(type, from: view)
            }
        } catch {
            throw JobFailure(reason: "the \(service) worker returned a result that is not a valid \(T.resultName): \(error)",
                             retryable: false)
        }
    }
}

private protocol ResultDigest: Decodable {
    /// The wire type whose shape is checked, for the failure message.
    static var resultName: String { get }
}

/// The required fields of `ParsedDocument`; the paragraphs and the headline are read.
private struct ParsedDocumentDigest: ResultDigest {
    static let resultName = "\(ParsedDocument.self)"
    let paragraphs: [String]
    let headline: DocumentHeadline

    private enum Keys: String, CodingKey {
        case encoding, paragraphs, sections, indicators, title, region, parserVersion = "parser_version", planYear = "plan_year"
    }

    init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: Keys.self)
        _ = try fields.decode(String.self, forKey: .encoding)
        _ = try fields.decode(String.self, forKey: .parserVersion)
        _ = try fields.decode(JSONArrayPresence.self, forKey: .sections)
        let indicators = try fields.decode(JSONArrayPresence.self, forKey: .indicators)
        paragraphs = try fields.decode([String].self, forKey: .paragraphs)
        // Optional fields of another kind are left out of the headline, as json_extract into a
        // typed column would have: they are the parser's contract, not a reason to fail the report.
        headline = DocumentHeadline(title: try? fields.decodeIfPresent(String.self, forKey: .title),
                                    region: try? fields.decodeIfPresent(String.self, forKey: .region),
                                    planYear: try? fields.decodeIfPresent(Int.self, forKey: .planYear),
                                    indicators: indicators.count)
    }
}

/// The required fields of `SummaryResult`.
private struct SummaryDigest: ResultDigest {
    static let resultName = "\(SummaryResult.self)"
    let keywords: Int
    private enum Keys: String, CodingKey { case keywords, summary, dictionary }

    init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: Keys.self)
        keywords = try fields.decode(JSONArrayPresence.self, forKey: .keywords).count
        _ = try fields.decode([String].self, forKey: .summary)
        _ = try fields.decode(String.self, forKey: .dictionary)
    }
}

/// The fields of `IndexResult`.
private struct IndexDigest: ResultDigest {
    static let resultName = "\(IndexResult.self)"
    private enum Keys: String, CodingKey { case paragraphs, characters, indexSchema = "index_schema" }

    init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: Keys.self)
        for key in [Keys.paragraphs, .characters, .indexSchema] { _ = try fields.decode(Int.self, forKey: key) }
    }
}

/// A JSON array, whatever its elements: opening it does not decode them.
private struct JSONArrayPresence: Decodable {
    let count: Int

    init(from decoder: Decoder) throws {
        let array = try decoder.unkeyedContainer()
        count = array.count ?? 0
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
