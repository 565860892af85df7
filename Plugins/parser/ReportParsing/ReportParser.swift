import ChineseText
import ReportProtocol

/// Turns the bytes of one government work report into a `ParsedDocument`:
/// decode → paragraphs → metadata, sections, years → indicators.
public struct ReportParser: Sendable {
    /// Stored with every result so documents can be re-parsed after an upgrade.
    public static let version = "report-parser/1.0"

    /// Fewer Han characters than this and the file is not a Chinese report at all.
    static let minimumHanCharacters = 20

    public init() {}

    /// - Throws: `ParseFailure` (never retryable: the problem is the file) when the bytes are
    ///   empty, binary, undecodable or hold no Chinese text.
    public func parse(bytes: [UInt8], fileName: String) throws -> ParsedDocument {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, fileName: fileName)
        } catch {
            throw ParseFailure(reason: "\(fileName): \(error.description)", retryable: false)
        }
        let paragraphs = TextNormalizer.paragraphs(from: decoded.text)
        let han = paragraphs.reduce(0) { $0 + $1.unicodeScalars.filter(ScalarClass.isHan).count }
        guard han >= Self.minimumHanCharacters else {
            throw ParseFailure(reason: "\(fileName): the text holds no Chinese report (\(han) Chinese characters)",
                               retryable: false)
        }

        let outline = SectionOutline(paragraphs: paragraphs)
        let metadata = ReportMetadata(paragraphs: paragraphs, firstHeading: outline.sections.first?.paragraphIndex)
        let timeline = ReportTimeline(sections: outline.sections, paragraphs: paragraphs, title: metadata.title)
        let indicators = IndicatorExtractor(paragraphs: paragraphs, outline: outline, timeline: timeline).extract()

        return ParsedDocument(title: metadata.title, region: metadata.region,
                              reviewYear: timeline.reviewYear, planYear: timeline.planYear,
                              speaker: metadata.speaker, meetingDate: metadata.meetingDate,
                              encoding: decoded.encoding, paragraphs: paragraphs,
                              sections: outline.sections, indicators: indicators,
                              parserVersion: Self.version)
    }
}
