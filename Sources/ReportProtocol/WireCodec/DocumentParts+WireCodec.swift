/// The smaller parts of a document: its type assessment, its sections and its sentence spans.
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
