import Foundation
import ChineseText
import ReportProtocol

/// Turns the bytes of one government work report into a `ParsedDocument`:
/// decode → paragraphs (converted to simplified script if need be) → metadata, sections,
/// years → indicators → is it a report at all.
public struct ReportParser: Sendable {
    /// Stored with every result so documents can be re-parsed after an upgrade.
    public static let version = "report-parser/1.3"

    /// Fewer Han characters than this and the file is not a Chinese report at all.
    static let minimumHanCharacters = 20

    /// The administrative divisions a region must be one of; a failure to load it fails every
    /// parse, loudly and retryably, rather than letting regions go unchecked.
    let gazetteer: Result<Gazetteer, GazetteerError>

    /// With the gazetteer shipped in Config/gazetteer, read once per process.
    public init() {
        gazetteer = Gazetteer.standard
    }

    public init(gazetteer: Gazetteer) {
        self.gazetteer = .success(gazetteer)
    }

    /// With the gazetteer at `url`; if it is missing or damaged, every parse fails, retryably.
    public init(gazetteerFile url: URL) {
        gazetteer = Result { () throws(GazetteerError) -> Gazetteer in try Gazetteer(contentsOf: url) }
    }

    /// - Throws: `ParseFailure` when the bytes are empty, binary, undecodable or hold no Chinese
    ///   text (not retryable: the problem is the file), or when OpenCC's tables are missing for
    ///   a traditional-script text (retryable once the installation is fixed).
    public func parse(bytes: [UInt8], fileName: String) throws -> ParsedDocument {
        let gazetteer: Gazetteer
        do {
            gazetteer = try self.gazetteer.get()
        } catch {
            throw ParseFailure(reason: "\(fileName): cannot check regions: \(error)", retryable: true)
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, fileName: fileName)
        } catch {
            throw ParseFailure(reason: "\(fileName): \(error.description)", retryable: false)
        }
        var paragraphs = TextNormalizer.paragraphs(from: decoded.text)
        var han = 0
        for paragraph in paragraphs {
            for scalar in paragraph.unicodeScalars where ScalarClass.isHan(scalar) { han += 1 }
        }
        guard han >= Self.minimumHanCharacters else {
            throw ParseFailure(reason: "\(fileName): the text holds no Chinese report (\(han) Chinese characters)",
                               retryable: false)
        }
        // Extraction and search work on simplified script; the original stays beside it.
        let script = ScriptDetector.detect(decoded.text)
        var originalParagraphs: [String]?
        var boldLeads = TextNormalizer.boldLeadPhrases(in: decoded.text)
        if script == .traditional {
            let converter: ScriptConverter
            do {
                converter = try ScriptConverter.traditionalToSimplified()
            } catch {
                throw ParseFailure(reason: "\(fileName): traditional-script text, but \(error)", retryable: true)
            }
            originalParagraphs = paragraphs
            paragraphs = paragraphs.map(converter.convert)
            boldLeads = Set(boldLeads.map(converter.convert))
        }

        let outline = SectionOutline(paragraphs: paragraphs, boldLeads: boldLeads)
        // A title is often taken for an unnumbered heading: the opening ends at the first numbered one.
        let firstHeading = outline.sections.first { $0.number != nil }?.paragraphIndex
        let metadata = ReportMetadata(paragraphs: paragraphs, firstHeading: firstHeading, gazetteer: gazetteer)
        let timeline = ReportTimeline(sections: outline.sections, paragraphs: paragraphs, title: metadata.title,
                                      dateLine: metadata.dateLine)
        let anotherPlace = AnotherPlace(gazetteer: gazetteer, ownName: metadata.region.region, ownCode: metadata.region.code)
        let indicators = IndicatorExtractor(paragraphs: paragraphs, outline: outline, timeline: timeline,
                                            anotherPlace: anotherPlace).extract()
        let assessment = DocumentTypeAssessment(.init(
            title: metadata.title, roles: timeline.roles, indicatorNames: Set(indicators.map(\.name).filter(IndicatorCatalog.isCatalogued)),
            speaker: metadata.speaker, session: metadata.session, meetingDate: metadata.meetingDate, paragraphs: paragraphs))

        var document = ParsedDocument(title: metadata.title, region: metadata.region.region,
                                      reviewYear: timeline.reviewYear, planYear: timeline.planYear,
                                      speaker: metadata.speaker, meetingDate: metadata.meetingDate,
                                      encoding: decoded.encoding, paragraphs: paragraphs,
                                      sections: outline.sections, indicators: indicators,
                                      parserVersion: Self.version)
        document.regionFull = metadata.region.full
        document.regionLevel = metadata.region.level
        document.speakerOffice = metadata.office
        document.session = metadata.session
        document.documentType = assessment.documentType
        document.sourceFormat = decoded.format.rawValue
        document.script = script.rawValue
        document.originalParagraphs = originalParagraphs
        document.sentences = paragraphs.enumerated().flatMap { p, paragraph in
            SentenceSplitter.spans(in: paragraph).map { SentenceSpan(paragraphIndex: p, start: $0.lowerBound, end: $0.upperBound) }
        }
        document.regionCode = metadata.region.code
        let sources = MetadataSources(
            region: metadata.region.source, speaker: metadata.speakerSource,
            meetingDate: metadata.meetingDate == nil ? nil : .dateLine, session: metadata.session == nil ? nil : .dateLine,
            reviewYear: timeline.reviewYearSource, planYear: timeline.planYearSource)
        document.metadataSources = sources == MetadataSources() ? nil : sources
        let notes = metadata.region.notes + timeline.notes
        document.metadataNotes = notes.isEmpty ? nil : notes
        document.reviewFirstYear = timeline.reviewFirstYear
        return document
    }
}
