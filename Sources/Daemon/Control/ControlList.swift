import Foundation
import ReportProtocol

/// `reportctl list`: which reports the daemon holds, newest first, filtered by state and arrival.
extension ControlCommands {
    func list(_ request: ControlRequest) throws -> ControlResponse {
        var filter = StateStore.ReportListFilter(limit: min(max(request.limit ?? 50, 1), 10_000))
        if let state = request.state {
            guard let known = ReportState(rawValue: state) else {
                let states = ReportState.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(.invalid, "`\(state.sanitizedForLog)` is not a report state; use one of \(states)")
            }
            filter.state = known
        }
        if let since = request.receivedSince {
            guard let date = Date(rfc3339: since) else {
                return .failure(.invalid, "`\(since.sanitizedForLog)` is not an RFC 3339 time such as 2026-11-25T15:31:24Z")
            }
            // Stored times are all in `Date.rfc3339`'s one form, so text order is time order.
            filter.receivedSince = date.rfc3339
        }
        if let ids = request.reportIds {
            // SQLite's default limit of bound parameters is 32,766; a page of a list is 10,000 at most.
            guard ids.count <= 10_000 else { return .failure(.invalid, "at most 10,000 `report_ids` at once, not \(ids.count)") }
            filter.ids = ids
            filter.limit = max(ids.count, 1)
        }
        return .success(try JSONValue(encoding: store.reportList(filter)))
    }
}
