import Foundation
import ReportProtocol

/// Finding one report by its id or a prefix of it, and everything stored for it (`get`, `retry`).
extension StateStore {
    enum Resolution {
        case found(ReportRecord)
        case refused(ControlResponse)
    }

    /// The one report an id or id prefix (at least 8 hex digits) names, or the reason there is none.
    func resolve(_ idOrPrefix: String) throws -> Resolution {
        guard idOrPrefix.count >= 8, idOrPrefix.count <= 64, idOrPrefix.allSatisfy(\.isHexDigit) else {
            return .refused(.failure(.invalid, "a report id is 8 to 64 hex digits, got `\(idOrPrefix.sanitizedForLog)`"))
        }
        let matches = try reports(idPrefix: idOrPrefix.lowercased())
        guard let record = matches.first else { return .refused(.failure(.notFound, "no report with id \(idOrPrefix)")) }
        guard matches.count == 1 else { return .refused(.failure(.invalid, "\(idOrPrefix) matches several reports; give more digits")) }
        return .found(record)
    }

    /// The `get` view of a report as wire JSON (`ReportView`'s form), built from the stored bytes
    /// without decoding them: the document, index result and summary are the worker results the
    /// store checked when it took them (`ResultCheck`), and the events are the envelopes the feed
    /// published, `report.parsed`'s with the whole document again. Decoding all of it into
    /// values and a `JSONValue` tree to encode it back was most of a `get`'s time (docs/PERFORMANCE.md,
    /// "The web view").
    func encodedView(of record: ReportRecord) throws -> [UInt8] {
        let results = try results(id: record.id)
        let events = try events(reportId: record.id)
        let lastStage = events.last { $0.topic.rawValue.hasPrefix("report.") }?.topic.rawValue.dropFirst("report.".count)
        let head = ReportViewHead(reportId: record.id, file: record.file, state: lastStage.map(String.init) ?? record.state.rawValue,
                                  attempts: record.attempts, error: record.error, receivedAt: record.receivedAt)
        // The head's own members, then the stored ones: `{"attempts":…,"events":[]…}` with its
        // closing brace and empty events left out. Key order is the encoder's for the head only;
        // a JSON object's members are unordered.
        var json = try WireJSON.encode(head)
        json.removeLast()
        for (key, bytes) in [("document", results.document), ("index", results.index), ("summary", results.summary)] {
            guard let bytes else { continue }
            json += Array(",\"\(key)\":".utf8) + bytes
        }
        json += Array(#","events":["#.utf8)
        for (offset, event) in events.enumerated() {
            if offset > 0 { json.append(UInt8(ascii: ",")) }
            json += event.envelope
        }
        json += Array("]}".utf8)
        return json
    }
}

/// A `ReportView`'s members that are not stored JSON: what `encodedView` encodes itself.
private struct ReportViewHead: Encodable {
    var reportId: String
    var file: String
    var state: String
    var attempts: Int
    var error: String?
    var receivedAt: String
}
