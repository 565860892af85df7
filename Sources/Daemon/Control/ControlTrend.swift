import Foundation
import ReportProtocol

extension ControlCommands {
    /// `trend`: forwarded to the `search` service as `search` is (the searcher holds the index
    /// it is counted from), and answered when the searcher replies.
    func trend(_ request: ControlServer.Request) -> ControlResponse? {
        guard !isStopping() else { return .failure(.refused, "reportd is shutting down") }
        let phrase = request.body.query ?? ""
        guard !phrase.allSatisfy(\.isWhitespace) else {
            return .failure(.invalid, "trend needs a phrase in `query`, e.g. 新质生产力")
        }
        var grouping = TrendGrouping.year
        if let by = request.body.by {
            guard let named = TrendGrouping(rawValue: by) else {
                return .failure(.invalid, "trend groups by \(TrendGrouping.allCases.map(\.rawValue).joined(separator: ", ")), not `\(by.sanitizedForLog)` (`by`)")
            }
            grouping = named
        }
        guard broker.serves(ServiceName.search) else {
            return .failure(.refused, "no worker serves `search`, which counts trends, right now (is report-indexer running? see reportctl status)")
        }
        guard let input = try? WireJSON.encode(SearchServiceJob.trend(TrendRequest(phrase: phrase, by: grouping))) else {
            return .failure(.internal, "could not encode the trend request")
        }
        pipeline.handle(.requested(service: ServiceName.search, client: request.client, input: input, now: .now))
        return nil
    }
}
