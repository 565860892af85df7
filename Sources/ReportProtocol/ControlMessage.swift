/// The control protocol between `reportctl` (DEALER) and the daemon (ROUTER).
/// A request is `["", "reportd.control/1", JSON request, payload]`; the reply mirrors it without payload.
public enum ControlProtocol {
    public static let version = 1
    public static let header = "reportd.control/\(version)"
}

public enum ControlCommand: String, Codable, Sendable {
    /// Workers, plugins, queue depths, counts.
    case status
    /// Everything stored for one report.
    case get
    /// Forwarded to the `search` service.
    case search
    /// Feed events with seq > since, oldest first, at most `limit`.
    case replay
    /// Writes the payload into the inbox under `file`.
    case submit
    /// Requeues a failed report.
    case retry
    /// Queues an indexer job for every finished report, from its stored parsed document.
    case reindex
    /// One indicator across every stored report (`indicator`).
    case compare
    /// Stored reports, newest first: at most `limit`, only `state` if given, only those received
    /// at or after `received_since` (RFC 3339 UTC, `2026-11-25T15:31:24.123Z`) if given.
    case list
    /// The Prometheus text of /metrics, as a JSON string.
    case metrics
    /// How often a phrase (`query`) occurs across the indexed reports, grouped `by` year, region
    /// or level; forwarded to the `search` service (`TrendRequest`, `TrendResponse`).
    case trend
    /// One indicator's targets against outcomes, a row per region and year (`indicator`, and
    /// `region`, `level`, `from_year`, `to_year` to narrow it).
    case track
    /// One region's headline figures year by year (`region`, and `indicator` to keep one).
    case series
}

public struct ControlRequest: Codable, Sendable, Equatable {
    public var command: ControlCommand
    public var reportId: String?
    public var query: String?
    public var limit: Int?
    public var since: Int64?
    public var topic: String?
    public var file: String?
    /// `search` filters, see `SearchRequest`.
    public var region: String?
    public var year: Int?
    public var section: String?
    /// `compare`: the indicator's name as the parser gives it, e.g. 地区生产总值.
    public var indicator: String?
    /// `list`: only reports in this state (`accepted`, `parsed`, `done`, `failed`).
    public var state: String?
    /// `list`: only reports received at or after this RFC 3339 UTC time.
    public var receivedSince: String?
    /// `list`: only these reports (full ids), e.g. the ones `submit --wait` waits for.
    public var reportIds: [String]?
    /// `trend`: how to group the reports (`year`, `region`, `level`; default `year`).
    public var by: String?
    /// `track`: only regions of this level (national, province, city, district, county).
    public var level: String?
    /// `track`: only target years from `from_year` to `to_year`, inclusive.
    public var fromYear: Int?
    public var toYear: Int?
    /// `get`: every figure with its sentence and paragraph (`CiteView`) instead of the whole report.
    public var cite: Bool?
    /// `track`, `series`: name at most this many copies of each figure's report (`copies`);
    /// `copy_count` still counts them all. Default: every one. A page that shows the count alone
    /// asks for 0: 2,000 copies of five documents made a 525 KB `track` reply of three rows.
    public var copyLimit: Int?

    public init(command: ControlCommand, reportId: String? = nil, query: String? = nil, limit: Int? = nil,
                since: Int64? = nil, topic: String? = nil, file: String? = nil, region: String? = nil,
                year: Int? = nil, section: String? = nil, indicator: String? = nil, state: String? = nil,
                receivedSince: String? = nil, level: String? = nil, fromYear: Int? = nil, toYear: Int? = nil,
                cite: Bool? = nil, by: String? = nil, reportIds: [String]? = nil, copyLimit: Int? = nil) {
        self.reportIds = reportIds
        self.copyLimit = copyLimit
        self.level = level
        self.fromYear = fromYear
        self.toYear = toYear
        self.cite = cite
        self.by = by
        self.state = state
        self.receivedSince = receivedSince
        self.region = region
        self.year = year
        self.section = section
        self.indicator = indicator
        self.command = command
        self.reportId = reportId
        self.query = query
        self.limit = limit
        self.since = since
        self.topic = topic
        self.file = file
    }

    public func frames(payload: [UInt8] = []) throws -> [[UInt8]] {
        [[], Array(ControlProtocol.header.utf8), try WireJSON.encode(self), payload]
    }
}

/// The kinds of failure a control request can meet; each maps to one reportctl exit code.
public enum ControlErrorCode: String, Codable, Sendable, CaseIterable {
    /// The request or one of its arguments is not valid (a malformed id, an empty name).
    case invalid
    /// What the request names does not exist (no report with that id).
    case notFound = "not_found"
    /// Understood and valid, but not done in this state: a report that has not failed cannot be
    /// retried, the daemon is shutting down, no worker serves the service.
    case refused
    /// The daemon met an error of its own (the store, the disk) while answering.
    case `internal`
}

public struct ControlResponse: Codable, Sendable, Equatable {
    public var ok: Bool
    public var error: String?
    public var data: JSONValue?
    /// Why a failed request failed, for clients that act on it (reportctl's exit codes); `error`
    /// says it to people. A raw string, so a client keeps working when a newer daemon adds a code.
    public var code: String?

    public static func success(_ data: JSONValue) -> ControlResponse { .init(ok: true, error: nil, data: data, code: nil) }
    public static func failure(_ code: ControlErrorCode, _ error: String) -> ControlResponse {
        .init(ok: false, error: error, data: nil, code: code.rawValue)
    }

    /// The failure's code, nil on success or when the daemon sent one this client does not know.
    public var errorCode: ControlErrorCode? { code.flatMap(ControlErrorCode.init(rawValue:)) }

    public func frames() throws -> [[UInt8]] {
        [[], Array(ControlProtocol.header.utf8), try WireJSON.encode(self)]
    }

    public static func decode(_ frames: [[UInt8]]) throws -> ControlResponse {
        // A DEALER sees the empty delimiter; tolerate its absence for REQ-like peers.
        let body = frames.first?.isEmpty == true ? Array(frames.dropFirst()) : frames
        guard body.count == 2 else { throw ProtocolError.malformed("control reply has \(body.count) frames") }
        let header = String(decoding: body[0], as: UTF8.self)
        guard header == ControlProtocol.header else { throw ProtocolError.unsupportedVersion("control reply \(header)") }
        return try WireJSON.decode(ControlResponse.self, from: body[1])
    }
}
