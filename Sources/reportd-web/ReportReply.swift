import ReportProtocol

/// The `get` reply as the report page reads it: a `ReportView` whose events keep only what the
/// page shows (the near-duplicate named by `report.done`). The reply's events include
/// `report.parsed`, which carries the whole document a second time; decoding it into a
/// `JSONValue` tree doubled a debug build's report page time (web_bench.py).
struct ReportReply: Decodable, Sendable {
    var view: ReportView

    private enum Keys: String, CodingKey {
        case reportId, file, state, attempts, error, receivedAt, document, index, summary, events
    }

    /// A feed event whose `data` is decoded only for `report.done`.
    private struct Event: Decodable {
        var envelope: FeedEnvelope?

        private enum Keys: String, CodingKey { case seq, topic, reportId, file, time, data }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            guard let topic = try? container.decode(FeedTopic.self, forKey: .topic), topic == .done else { return }
            envelope = FeedEnvelope(seq: try container.decode(Int64.self, forKey: .seq), topic: topic,
                                    reportId: try container.decode(String.self, forKey: .reportId),
                                    file: try container.decode(String.self, forKey: .file),
                                    time: try container.decode(String.self, forKey: .time),
                                    data: try container.decodeIfPresent(JSONValue.self, forKey: .data) ?? .null)
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        view = ReportView(
            reportId: try container.decode(String.self, forKey: .reportId),
            file: try container.decode(String.self, forKey: .file),
            state: try container.decode(String.self, forKey: .state),
            attempts: try container.decode(Int.self, forKey: .attempts),
            error: try container.decodeIfPresent(String.self, forKey: .error),
            receivedAt: try container.decode(String.self, forKey: .receivedAt),
            document: try container.decodeIfPresent(ParsedDocument.self, forKey: .document),
            index: try container.decodeIfPresent(IndexResult.self, forKey: .index),
            summary: try container.decodeIfPresent(SummaryResult.self, forKey: .summary),
            events: (try container.decodeIfPresent([Event].self, forKey: .events) ?? []).compactMap(\.envelope))
    }
}
