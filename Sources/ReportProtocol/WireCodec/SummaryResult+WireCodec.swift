/// The summarizer's result: written by the summarizer, checked by the daemon.
extension SummaryResult: WireFastEncodable, WireFastDecodable {
    var wireSizeEstimate: Int {
        summary.reduce(0) { $0 + $1.utf8.count } + 64 * keywords.count + 1024 * ((indicatorDigest?.count ?? 0) + (sectionSummaries?.count ?? 0)) + 1024
    }

    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        writer.key("dictionary"); writer.string(dictionary)
        if let indicatorDigest { writer.key("indicator_digest"); try writer.array(indicatorDigest) { try $1.writeWire(to: &$0) } }
        writer.key("keywords")
        try writer.array(keywords) { writer, keyword in
            writer.beginObject()
            writer.key("term"); writer.string(keyword.term)
            writer.key("weight"); try writer.double(keyword.weight)
            writer.endObject()
        }
        if let sectionSummaries {
            writer.key("section_summaries")
            writer.array(sectionSummaries) { writer, section in
                writer.beginObject()
                if let sentence = section.sentence { writer.key("sentence"); writer.string(sentence) }
                writer.key("title"); writer.string(section.title)
                writer.endObject()
            }
        }
        writer.key("summary"); writer.array(summary) { $0.string($1) }
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> SummaryResult {
        var result = SummaryResult(keywords: [], summary: [], dictionary: "")
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "dictionary" {
                try fields.mark(0); result.dictionary = try reader.string()
            } else if key == "indicator_digest" {
                try fields.mark(1); result.indicatorDigest = try reader.optional { try $0.array(Indicator.readWire) }
            } else if key == "keywords" {
                try fields.mark(2); result.keywords = try reader.array(Keyword.readWire)
            } else if key == "section_summaries" {
                try fields.mark(3); result.sectionSummaries = try reader.optional { try $0.array(SectionSummary.readWire) }
            } else if key == "summary" {
                try fields.mark(4); result.summary = try reader.array { try $0.string() }
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 2, 4)
        return result
    }
}

extension SummaryResult.Keyword {
    static func readWire(from reader: inout JSONByteReader) throws -> SummaryResult.Keyword {
        var keyword = SummaryResult.Keyword(term: "", weight: 0)
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "term" {
                try fields.mark(0); keyword.term = try reader.string()
            } else if key == "weight" {
                try fields.mark(1); keyword.weight = try reader.double()
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 1)
        return keyword
    }
}

extension SummaryResult.SectionSummary {
    static func readWire(from reader: inout JSONByteReader) throws -> SummaryResult.SectionSummary {
        var summary = SummaryResult.SectionSummary(title: "", sentence: nil)
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "sentence" {
                try fields.mark(0); summary.sentence = try reader.optional { try $0.string() }
            } else if key == "title" {
                try fields.mark(1); summary.title = try reader.string()
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(1)
        return summary
    }
}
