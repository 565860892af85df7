import ReportProtocol

/// The parts of a summarizer job's `DocumentInput` (decoded with `WireJSON.decoder`) that the summarizer reads: paragraphs, sections,
/// indicators and the two years of the digest. The parser's sentence spans and metadata are
/// skipped rather than built into values (the spans alone are hundreds of small objects, about a
/// third of what decoding the whole document cost); the JSON is still read through and checked.
public struct SummarizerJobInput: Decodable, Sendable {
    public let document: ParsedDocument

    private enum Keys: String, CodingKey {
        case document
    }

    /// camelCase: `WireJSON.decoder` converts the wire's snake_case keys.
    private enum DocumentKeys: String, CodingKey {
        case reviewYear, planYear, paragraphs, sections, indicators
    }

    public init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: Keys.self).nestedContainer(keyedBy: DocumentKeys.self, forKey: .document)
        document = ParsedDocument(
            reviewYear: try fields.decodeIfPresent(Int.self, forKey: .reviewYear),
            planYear: try fields.decodeIfPresent(Int.self, forKey: .planYear),
            encoding: "", paragraphs: try fields.decode([String].self, forKey: .paragraphs),
            sections: try fields.decode([Section].self, forKey: .sections),
            indicators: try fields.decode([Indicator].self, forKey: .indicators), parserVersion: "")
    }
}
