import Foundation
import ReportProtocol

/// The commands the query thread answers, on its read-only store. One file per command.
struct QueryCommands {
    let store: StateStore
    let deadline: QueryDeadline

    func answer(_ request: ControlRequest) throws -> ControlResponse {
        switch request.command {
        case .get: return request.cite == true ? try cite(request.reportId ?? "") : try get(request.reportId ?? "")
        case .compare: return try compare(request.indicator ?? "")
        case .track: return try track(request)
        case .series: return try series(region: request.region ?? "", indicator: request.indicator)
        default: return .failure(.internal, "\(request.command.rawValue) is not a query")
        }
    }

    private func get(_ idOrPrefix: String) throws -> ControlResponse {
        switch try store.resolve(idOrPrefix) {
        case .refused(let refusal): return refusal
        case .found(let record): return .success(try JSONValue(encoding: store.view(of: record)))
        }
    }
}
