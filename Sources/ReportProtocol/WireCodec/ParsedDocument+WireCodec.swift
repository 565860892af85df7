/// The hand-written codec of the parser's document, the largest value on the wire. Keys are
/// written in the order `.sortedKeys` gives them and nil optionals are left out, as the
/// synthesized Codable conformance does.
extension ParsedDocument: WireFastEncodable, WireFastDecodable {
    var wireSizeEstimate: Int {
        // Chinese text is 3 bytes a character; sentence spans, indicators and keys add about as much again.
        let text = paragraphs.reduce(0) { $0 + $1.utf8.count } + (originalParagraphs?.reduce(0) { $0 + $1.utf8.count } ?? 0)
        return 2 * text + 64 * (sentences?.count ?? 0) + 4096
    }

    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        if let documentType {
            writer.key("document_type")
            try documentType.writeWire(to: &writer)
        }
        writer.key("encoding"); writer.string(encoding)
        writer.key("indicators"); try writer.array(indicators) { try $1.writeWire(to: &$0) }
        if let meetingDate { writer.key("meeting_date"); writer.string(meetingDate) }
        if let metadataNotes { writer.key("metadata_notes"); writer.array(metadataNotes) { $0.string($1) } }
        if let metadataSources { writer.key("metadata_sources"); metadataSources.writeWire(to: &writer) }
        if let originalParagraphs { writer.key("original_paragraphs"); writer.array(originalParagraphs) { $0.string($1) } }
        writer.key("paragraphs"); writer.array(paragraphs) { $0.string($1) }
        writer.key("parser_version"); writer.string(parserVersion)
        if let planYear { writer.key("plan_year"); writer.int(planYear) }
        if let region { writer.key("region"); writer.string(region) }
        if let regionCode { writer.key("region_code"); writer.string(regionCode) }
        if let regionFull { writer.key("region_full"); writer.string(regionFull) }
        if let regionLevel { writer.key("region_level"); writer.string(regionLevel) }
        if let reviewFirstYear { writer.key("review_first_year"); writer.int(reviewFirstYear) }
        if let reviewYear { writer.key("review_year"); writer.int(reviewYear) }
        if let script { writer.key("script"); writer.string(script) }
        writer.key("sections"); writer.array(sections) { $1.writeWire(to: &$0) }
        if let sentences { writer.key("sentences"); writer.array(sentences) { $1.writeWire(to: &$0) } }
        if let session { writer.key("session"); writer.string(session) }
        if let sourceFormat { writer.key("source_format"); writer.string(sourceFormat) }
        if let speaker { writer.key("speaker"); writer.string(speaker) }
        if let speakerOffice { writer.key("speaker_office"); writer.string(speakerOffice) }
        if let title { writer.key("title"); writer.string(title) }
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> ParsedDocument {
        var document = ParsedDocument(encoding: "", paragraphs: [], sections: [], indicators: [], parserVersion: "")
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "document_type" {
                try fields.mark(0); document.documentType = try reader.optional(DocumentType.readWire)
            } else if key == "encoding" {
                try fields.mark(1); document.encoding = try reader.string()
            } else if key == "indicators" {
                try fields.mark(2); document.indicators = try reader.array(Indicator.readWire)
            } else if key == "meeting_date" {
                try fields.mark(3); document.meetingDate = try reader.optional { try $0.string() }
            } else if key == "metadata_notes" {
                try fields.mark(20); document.metadataNotes = try reader.optional { try $0.array { try $0.string() } }
            } else if key == "metadata_sources" {
                try fields.mark(21); document.metadataSources = try reader.optional(MetadataSources.readWire)
            } else if key == "original_paragraphs" {
                try fields.mark(4); document.originalParagraphs = try reader.optional { try $0.array { try $0.string() } }
            } else if key == "paragraphs" {
                try fields.mark(5); document.paragraphs = try reader.array { try $0.string() }
            } else if key == "parser_version" {
                try fields.mark(6); document.parserVersion = try reader.string()
            } else if key == "plan_year" {
                try fields.mark(7); document.planYear = try reader.optional { try $0.int() }
            } else if key == "region" {
                try fields.mark(8); document.region = try reader.optional { try $0.string() }
            } else if key == "region_code" {
                try fields.mark(22); document.regionCode = try reader.optional { try $0.string() }
            } else if key == "region_full" {
                try fields.mark(9); document.regionFull = try reader.optional { try $0.string() }
            } else if key == "region_level" {
                try fields.mark(10); document.regionLevel = try reader.optional { try $0.string() }
            } else if key == "review_first_year" {
                try fields.mark(23); document.reviewFirstYear = try reader.optional { try $0.int() }
            } else if key == "review_year" {
                try fields.mark(11); document.reviewYear = try reader.optional { try $0.int() }
            } else if key == "script" {
                try fields.mark(12); document.script = try reader.optional { try $0.string() }
            } else if key == "sections" {
                try fields.mark(13); document.sections = try reader.array(Section.readWire)
            } else if key == "sentences" {
                try fields.mark(14); document.sentences = try reader.optional { try $0.array(SentenceSpan.readWire) }
            } else if key == "session" {
                try fields.mark(15); document.session = try reader.optional { try $0.string() }
            } else if key == "source_format" {
                try fields.mark(16); document.sourceFormat = try reader.optional { try $0.string() }
            } else if key == "speaker" {
                try fields.mark(17); document.speaker = try reader.optional { try $0.string() }
            } else if key == "speaker_office" {
                try fields.mark(18); document.speakerOffice = try reader.optional { try $0.string() }
            } else if key == "title" {
                try fields.mark(19); document.title = try reader.optional { try $0.string() }
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(1, 2, 5, 6, 13)
        return document
    }
}
