import ReportProtocol

/// A feed event as committed: the topic frame and the envelope bytes, ready to send.
struct PublishedEvent: Sendable, Equatable {
    var seq: Int64
    var topic: FeedTopic
    var envelope: [UInt8]

    var frames: [[UInt8]] { [Array(topic.rawValue.utf8), envelope] }
}

/// Builds envelope JSON around a worker's raw result without decoding and re-encoding it:
/// with sorted keys `data` is the first field, so the raw bytes are spliced in its place.
enum EnvelopeEncoder {
    private static let nullData = Array(#"{"data":null,"#.utf8)

    static func encode(seq: Int64, topic: FeedTopic, reportId: String, file: String, time: String,
                       data: [UInt8]) throws -> [UInt8] {
        let skeleton = FeedEnvelope(seq: seq, topic: topic, reportId: reportId, file: file, time: time, data: .null)
        let encoded = try WireJSON.encode(skeleton)
        precondition(encoded.starts(with: nullData), "envelope keys are no longer sorted with data first")
        return Array(#"{"data":"#.utf8) + data + [UInt8(ascii: ",")] + encoded.dropFirst(nullData.count)
    }

    static func encode(seq: Int64, topic: FeedTopic, reportId: String, file: String, time: String,
                       data: some Encodable) throws -> [UInt8] {
        try encode(seq: seq, topic: topic, reportId: reportId, file: file, time: time, data: WireJSON.encode(data))
    }
}
