import Foundation
import ReportProtocol

/// The commands the query thread answers, on its read-only store. One file per command.
struct QueryCommands {
    let store: StateStore
    let deadline: QueryDeadline

    func answer(_ request: ControlRequest) throws -> ControlReply {
        switch request.command {
        case .get: return request.cite == true ? try cite(request.reportId ?? "") : try get(request.reportId ?? "")
        case .compare: return try compare(request)
        case .track: return try copyLimitRefusal(request) ?? track(request)
        case .series:
            return try copyLimitRefusal(request) ?? series(region: request.region ?? "", indicator: request.indicator, copyLimit: request.copyLimit)
        default: return .failing(.internal, "\(request.command.rawValue) is not a query")
        }
    }

    /// `track` and `series` name 0 or more copies of each figure.
    private func copyLimitRefusal(_ request: ControlRequest) -> ControlReply? {
        guard let limit = request.copyLimit, limit < 0 else { return nil }
        return .failing(.invalid, "copy_limit is \(limit); give 0 or more")
    }

    private func get(_ idOrPrefix: String) throws -> ControlReply {
        switch try store.resolve(idOrPrefix) {
        case .refused(let refusal): return .response(refusal)
        case .found(let record): return .wrapping(try store.encodedView(of: record))
        }
    }
}

extension ControlReply {
    /// A success whose view is encoded once, straight into the reply's bytes: through `JSONValue`
    /// it would be encoded, decoded and encoded again.
    static func encoding(_ view: some Encodable) throws -> ControlReply {
        .wrapping(try WireJSON.encode(view))
    }

    /// A success whose view is already wire JSON.
    static func wrapping(_ json: [UInt8]) -> ControlReply {
        .encoded(Array(#"{"data":"#.utf8) + json + Array(#","ok":true}"#.utf8))
    }

    static func failing(_ code: ControlErrorCode, _ error: String) -> ControlReply {
        .response(.failure(code, error))
    }
}
