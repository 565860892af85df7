/// The inputs workers receive: the parser's, and the indexer's and summarizer's, which carries
/// the whole document. Only read here: the daemon writes them (the latter by splicing the
/// stored document's bytes).
extension DocumentInput: WireFastDecodable {
    static func readWire(from reader: inout JSONByteReader) throws -> DocumentInput {
        var document: ParsedDocument?
        var file: String?
        var reportId: String?
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "document" {
                try fields.mark(0); document = try ParsedDocument.readWire(from: &reader)
            } else if key == "file" {
                try fields.mark(1); file = try reader.string()
            } else if key == "report_id" {
                try fields.mark(2); reportId = try reader.string()
            } else {
                throw WireFastPathDeclined()
            }
        }
        guard let document, let file, let reportId else { throw WireFastPathDeclined() }
        return DocumentInput(reportId: reportId, file: file, document: document)
    }
}

extension ParseInput: WireFastDecodable {
    static func readWire(from reader: inout JSONByteReader) throws -> ParseInput {
        var input = ParseInput(reportId: "", file: "")
        var fields = WireFieldSet()
        try reader.object { reader, key in
            if key == "file" {
                try fields.mark(0); input.file = try reader.string()
            } else if key == "report_id" {
                try fields.mark(1); input.reportId = try reader.string()
            } else {
                throw WireFastPathDeclined()
            }
        }
        try fields.require(0, 1)
        return input
    }
}
