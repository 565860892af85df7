import Foundation

/// The topics of the result feed, in the order a report passes through them.
public enum FeedTopic: String, Codable, Sendable, CaseIterable {
    case accepted = "report.accepted"
    case parsed = "report.parsed"
    case indexed = "report.indexed"
    case summarized = "report.summarized"
    case done = "report.done"
    case failed = "report.failed"
    /// A report became done and settled an earlier target of its region (or set a target whose
    /// review was already stored): one event per pair, its data a `TargetRow`.
    case targetResolved = "target.resolved"
}

/// One feed event. On the wire it is two frames: the topic, then this envelope as JSON.
public struct FeedEnvelope: Codable, Sendable, Equatable {
    /// Bumped only when a field changes meaning or disappears; new fields keep the number.
    public static let currentSchema = 1

    public var schema: Int
    /// Strictly increasing across the daemon's life, restarts included.
    public var seq: Int64
    public var topic: FeedTopic
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    public var reportId: String
    /// The file's name as dropped into the inbox.
    public var file: String
    /// RFC 3339 time of the state change.
    public var time: String
    public var data: JSONValue

    public init(seq: Int64, topic: FeedTopic, reportId: String, file: String, time: String, data: JSONValue) {
        self.schema = Self.currentSchema
        self.seq = seq
        self.topic = topic
        self.reportId = reportId
        self.file = file
        self.time = time
        self.data = data
    }

    /// The two frames a subscriber receives.
    public func frames() throws -> [[UInt8]] {
        [Array(topic.rawValue.utf8), try WireJSON.encode(self)]
    }

    public static func decode(frames: [[UInt8]]) throws -> FeedEnvelope {
        guard frames.count == 2 else { throw ProtocolError.malformed("feed message has \(frames.count) frames, expected 2") }
        let envelope = try WireJSON.decode(FeedEnvelope.self, from: frames[1])
        guard envelope.schema == currentSchema else { throw ProtocolError.unsupportedVersion("feed schema \(envelope.schema)") }
        return envelope
    }
}
