/// One quantitative statement, in documents and in the summarizer's indicator digest.
extension Indicator {
    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        if let direction { writer.key("direction"); writer.string(direction.rawValue) }
        if let estimated { writer.key("estimated"); writer.bool(estimated) }
        writer.key("evidence"); writer.string(evidence)
        if let growthPct { writer.key("growth_pct"); try writer.double(growthPct) }
        if let growthPctHigh { writer.key("growth_pct_high"); try writer.double(growthPctHigh) }
        if let headline { writer.key("headline"); writer.bool(headline) }
        writer.key("kind"); writer.string(kind.rawValue)
        writer.key("name"); writer.string(name)
        if let notStated { writer.key("not_stated"); writer.bool(notStated) }
        if let qualifier { writer.key("qualifier"); writer.string(qualifier.rawValue) }
        if let section { writer.key("section"); writer.string(section) }
        if let source { writer.key("source"); writer.string(source) }
        if let unit { writer.key("unit"); writer.string(unit) }
        if let value { writer.key("value"); try writer.double(value) }
        if let valueHigh { writer.key("value_high"); try writer.double(valueHigh) }
        if let valueQualifier { writer.key("value_qualifier"); writer.string(valueQualifier.rawValue) }
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
            } else if key == "direction" {
                try fields.mark(10); indicator.direction = try reader.optional { try wireEnum(Direction.self, $0.string()) }
            } else if key == "estimated" {
                try fields.mark(11); indicator.estimated = try reader.optional { try $0.bool() }
            } else if key == "growth_pct_high" {
                try fields.mark(12); indicator.growthPctHigh = try reader.optional { try $0.double() }
            } else if key == "not_stated" {
                try fields.mark(13); indicator.notStated = try reader.optional { try $0.bool() }
            } else if key == "source" {
                try fields.mark(14); indicator.source = try reader.optional { try $0.string() }
            } else if key == "value_high" {
                try fields.mark(15); indicator.valueHigh = try reader.optional { try $0.double() }
            } else if key == "value_qualifier" {
                try fields.mark(16); indicator.valueQualifier = try reader.optional { try wireEnum(Qualifier.self, $0.string()) }
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
