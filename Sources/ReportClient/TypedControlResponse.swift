import ReportProtocol

/// A control reply whose `data` is decoded as the view the request answers with, in one pass.
/// The same frames and JSON as `ControlResponse` (docs/PROTOCOL.md, "Response JSON").
struct TypedControlResponse<View: Decodable>: Decodable {
    var ok: Bool
    var error: String?
    var data: View?
    /// The kind of failure (`ControlResponse.code`), raw so that an unknown one still decodes.
    var code: String?

    static func decode(_ frames: [[UInt8]]) throws -> TypedControlResponse {
        // A DEALER sees the empty delimiter; tolerate its absence for REQ-like peers.
        let body = frames.first?.isEmpty == true ? Array(frames.dropFirst()) : frames
        guard body.count == 2 else { throw ProtocolError.malformed("control reply has \(body.count) frames") }
        let header = String(decoding: body[0], as: UTF8.self)
        guard header == ControlProtocol.header else { throw ProtocolError.unsupportedVersion("control reply \(header)") }
        return try WireJSON.decode(TypedControlResponse.self, from: body[1])
    }
}
