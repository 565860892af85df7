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
        if let originalParagraphs { writer.key("original_paragraphs"); writer.array(originalParagraphs) { $0.string($1) } }
        writer.key("paragraphs"); writer.array(paragraphs) { $0.string($1) }
        writer.key("parser_version"); writer.string(parserVersion)
        if let planYear { writer.key("plan_year"); writer.int(planYear) }
        if let region { writer.key("region"); writer.string(region) }
        if let regionFull { writer.key("region_full"); writer.string(regionFull) }
        if let regionLevel { writer.key("region_level"); writer.string(regionLevel) }
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
            } else if key == "region_full" {
                try fields.mark(9); document.regionFull = try reader.optional { try $0.string() }
            } else if key == "region_level" {
                try fields.mark(10); document.regionLevel = try reader.optional { try $0.string() }
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

extension DocumentType {
    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        writer.key("confidence"); try writer.double(confidence)
        writer.key("is_report"); writer.bool(isReport)
        writer.key("reason"); writer.string(reason)
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> DocumentType {
        var value = DocumentType(isReport: false, confidence: 0, reason: "")
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "confidence" {
                try fields.mark(0); value.confidence = try reader.double()
            } else if key == "is_report" {
                try fields.mark(1); value.isReport = try reader.bool()
            } else if key == "reason" {
                try fields.mark(2); value.reason = try reader.string()
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 1, 2)
        return value
    }
}

extension Section {
    func writeWire(to writer: inout JSONByteWriter) {
        writer.beginObject()
        writer.key("children"); writer.array(children) { $1.writeWire(to: &$0) }
        writer.key("level"); writer.int(level)
        if let number { writer.key("number"); writer.string(number) }
        writer.key("paragraph_count"); writer.int(paragraphCount)
        writer.key("paragraph_index"); writer.int(paragraphIndex)
        writer.key("title"); writer.string(title)
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> Section {
        var section = Section(number: nil, title: "", level: 0, paragraphIndex: 0, paragraphCount: 0)
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "children" {
                try fields.mark(0); section.children = try reader.array(Section.readWire)
            } else if key == "level" {
                try fields.mark(1); section.level = try reader.int()
            } else if key == "number" {
                try fields.mark(2); section.number = try reader.optional { try $0.string() }
            } else if key == "paragraph_count" {
                try fields.mark(3); section.paragraphCount = try reader.int()
            } else if key == "paragraph_index" {
                try fields.mark(4); section.paragraphIndex = try reader.int()
            } else if key == "title" {
                try fields.mark(5); section.title = try reader.string()
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 1, 3, 4, 5)
        return section
    }
}

extension SentenceSpan {
    func writeWire(to writer: inout JSONByteWriter) {
        writer.beginObject()
        writer.key("end"); writer.int(end)
        writer.key("paragraph_index"); writer.int(paragraphIndex)
        writer.key("start"); writer.int(start)
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> SentenceSpan {
        var span = SentenceSpan(paragraphIndex: 0, start: 0, end: 0)
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "end" {
                try fields.mark(0); span.end = try reader.int()
            } else if key == "paragraph_index" {
                try fields.mark(1); span.paragraphIndex = try reader.int()
            } else if key == "start" {
                try fields.mark(2); span.start = try reader.int()
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 1, 2)
        return span
    }
}

extension Indicator {
    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        writer.key("evidence"); writer.string(evidence)
        if let growthPct { writer.key("growth_pct"); try writer.double(growthPct) }
        if let headline { writer.key("headline"); writer.bool(headline) }
        writer.key("kind"); writer.string(kind.rawValue)
        writer.key("name"); writer.string(name)
        if let qualifier { writer.key("qualifier"); writer.string(qualifier.rawValue) }
        if let section { writer.key("section"); writer.string(section) }
        if let unit { writer.key("unit"); writer.string(unit) }
        if let value { writer.key("value"); try writer.double(value) }
        if let year { writer.key("year"); writer.int(year) }
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> Indicator {
        var indicator = Indicator(name: "", kind: .actual, evidence: "")
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "evidence" {
                try fields.mark(0); indicator.evidence = try reader.string()
            } else if key == "growth_pct" {
                try fields.mark(1); indicator.growthPct = try reader.optional { try $0.double() }
            } else if key == "headline" {
                try fields.mark(2); indicator.headline = try reader.optional { try $0.bool() }
            } else if key == "kind" {
                try fields.mark(3); indicator.kind = try wireEnum(Kind.self, reader.string())
            } else if key == "name" {
                try fields.mark(4); indicator.name = try reader.string()
            } else if key == "qualifier" {
                try fields.mark(5); indicator.qualifier = try reader.optional { try wireEnum(Qualifier.self, $0.string()) }
            } else if key == "section" {
                try fields.mark(6); indicator.section = try reader.optional { try $0.string() }
            } else if key == "unit" {
                try fields.mark(7); indicator.unit = try reader.optional { try $0.string() }
            } else if key == "value" {
                try fields.mark(8); indicator.value = try reader.optional { try $0.double() }
            } else if key == "year" {
                try fields.mark(9); indicator.year = try reader.optional { try $0.int() }
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 3, 4)
        return indicator
    }
}

/// A string-backed enum case; an unknown raw value declines, so Codable names it in its error.
func wireEnum<Value: RawRepresentable<String>>(_ type: Value.Type, _ raw: String) throws -> Value {
    guard let value = Value(rawValue: raw) else { throw WireFastPathDeclined() }
    return value
}
