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

    func view(of record: ReportRecord) throws -> ReportView {
        let results = try results(id: record.id)
        let events = try events(reportId: record.id).map { try WireJSON.decode(FeedEnvelope.self, from: $0.envelope) }
        return ReportView(
            reportId: record.id, file: record.file,
            state: events.last(where: { $0.topic.rawValue.hasPrefix("report.") })?.topic.rawValue
                .replacingOccurrences(of: "report.", with: "") ?? record.state.rawValue,
            attempts: record.attempts, error: record.error, receivedAt: record.receivedAt,
            document: try results.document.map { try WireJSON.decode(ParsedDocument.self, from: $0) },
            index: try results.index.map { try WireJSON.decode(IndexResult.self, from: $0) },
            summary: try results.summary.map { try WireJSON.decode(SummaryResult.self, from: $0) },
            events: events)
    }
}
