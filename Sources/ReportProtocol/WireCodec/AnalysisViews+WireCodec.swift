/// `track` and `series` answers, written by the daemon. Encode only: clients read them through
/// the Codable path. Through JSONEncoder, `series` spent about half its time encoding (perf).
extension TrackView: WireFastEncodable {
    var wireSizeEstimate: Int { 256 + 2_048 * rows.count }

    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        writer.key("indicator"); writer.string(indicator)
        writer.key("rows"); try writer.array(rows) { try $1.writeWire(to: &$0) }
        writer.endObject()
    }
}

extension SeriesView: WireFastEncodable {
    var wireSizeEstimate: Int { 256 + 2_048 * rows.count }

    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        if let indicator { writer.key("indicator"); writer.string(indicator) }
        writer.key("region"); writer.string(region)
        writer.key("rows"); try writer.array(rows) { try $1.writeWire(to: &$0) }
        writer.endObject()
    }
}

extension TargetRow {
    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        if let actual { writer.key("actual"); try actual.writeWire(to: &writer) }
        if let difference { writer.key("difference"); try writer.double(difference) }
        if let gap { writer.key("gap"); try writer.double(gap) }
        if let gapUnit { writer.key("gap_unit"); writer.string(gapUnit) }
        writer.key("indicator"); writer.string(indicator)
        writer.key("region"); writer.string(region)
        if let regionCode { writer.key("region_code"); writer.string(regionCode) }
        if let regionLevel { writer.key("region_level"); writer.string(regionLevel) }
        writer.key("revised"); try writer.array(revised) { try $1.writeWire(to: &$0) }
        if let target { writer.key("target"); try target.writeWire(to: &writer) }
        if let verdict { writer.key("verdict"); writer.string(verdict) }
        if let verdictText { writer.key("verdict_text"); writer.string(verdictText) }
        writer.key("year"); writer.int(year)
        writer.endObject()
    }
}

extension FigureView {
    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        writer.key("copies"); writer.array(copies) { $0.string($1) }
        if let copyCount { writer.key("copy_count"); writer.int(copyCount) }
        if let direction { writer.key("direction"); writer.string(direction.rawValue) }
        writer.key("estimated"); writer.bool(estimated)
        writer.key("evidence"); writer.string(evidence)
        if let growthPct { writer.key("growth_pct"); try writer.double(growthPct) }
        if let growthPctHigh { writer.key("growth_pct_high"); try writer.double(growthPctHigh) }
        writer.key("name"); writer.string(name)
        writer.key("not_stated"); writer.bool(notStated)
        if let paragraph { writer.key("paragraph"); writer.int(paragraph) }
        if let qualifier { writer.key("qualifier"); writer.string(qualifier.rawValue) }
        writer.key("report_id"); writer.string(reportId)
        if let unit { writer.key("unit"); writer.string(unit) }
        if let value { writer.key("value"); try writer.double(value) }
        if let valueHigh { writer.key("value_high"); try writer.double(valueHigh) }
        if let valueQualifier { writer.key("value_qualifier"); writer.string(valueQualifier.rawValue) }
        writer.endObject()
    }
}
