/// `compare`'s answer, written by the daemon. Encode only: reportctl reads it through the Codable
/// path. Through JSONEncoder, 1,000 rows took half of a `compare` over 12,000 reports (perf).
extension CompareView: WireFastEncodable {
    var wireSizeEstimate: Int { 512 + 1_024 * rows.count }

    func writeWire(to writer: inout JSONByteWriter) throws {
        writer.beginObject()
        writer.key("indicator"); writer.string(indicator)
        writer.key("more"); writer.bool(more)
        if let reportsWithout { writer.key("reports_without"); writer.int(reportsWithout) }
        writer.key("rows")
        try writer.array(rows) { writer, row in
            writer.beginObject()
            if let actual = row.actual { writer.key("actual"); try actual.writeWire(to: &writer) }
            writer.key("copies"); writer.array(row.copies) { $0.string($1) }
            writer.key("file"); writer.string(row.file)
            if let region = row.region { writer.key("region"); writer.string(region) }
            writer.key("report_id"); writer.string(row.reportId)
            if let target = row.target { writer.key("target"); try target.writeWire(to: &writer) }
            if let year = row.year { writer.key("year"); writer.int(year) }
            writer.endObject()
        }
        writer.endObject()
    }
}
