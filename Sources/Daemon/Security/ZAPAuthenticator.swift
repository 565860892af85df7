import ZMQ

/// The decision half of a ZAP 1.0 handler (ZeroMQ RFC 27): reads a request's frames, decides
/// from the authorised keys, and builds the reply's frames. Socket-free, so its rules are testable alone.
struct ZAPAuthenticator {
    /// What one request asked and what was answered.
    struct Decision: Equatable {
        var requestId: [UInt8]
        var address: String
        var mechanism: String
        /// The client's Z85 public key, when the request carried a CURVE key.
        var clientKey: String?
        var statusCode: String
        var statusText: String
        /// The authorised key's file name, given to the connection as its ZMQ User-Id.
        var userId: String

        var accepted: Bool { statusCode == "200" }

        /// The ZAP reply: version, request id, status code, status text, user id, metadata.
        var replyFrames: [[UInt8]] {
            [Array("1.0".utf8), requestId, Array(statusCode.utf8), Array(statusText.utf8), Array(userId.utf8), []]
        }
    }

    /// Decides on `frames` (version, request id, domain, address, identity, mechanism, credentials…).
    /// Only CURVE clients whose key is in `keys` get 200; anything malformed gets 500.
    static func decide(_ frames: [[UInt8]], keys: AuthorizedKeys) -> Decision {
        func text(_ index: Int) -> String { index < frames.count ? String(decoding: frames[index], as: UTF8.self) : "" }
        var decision = Decision(requestId: frames.count > 1 ? frames[1] : [], address: text(3), mechanism: text(5),
                                clientKey: nil, statusCode: "500", statusText: "", userId: "")
        guard frames.count >= 6, text(0) == "1.0" else {
            decision.statusText = "malformed ZAP request (expected version 1.0 and at least 6 frames)"
            return decision
        }
        guard decision.mechanism == "CURVE" else {
            decision.statusCode = "400"
            decision.statusText = "mechanism \(decision.mechanism) is not accepted; use CURVE"
            return decision
        }
        guard frames.count >= 7, let key = CurveKeyPair.z85(frames[6]) else {
            decision.statusText = "CURVE request without a 32-byte client key"
            return decision
        }
        decision.clientKey = key
        if let name = keys.names[key] {
            decision.statusCode = "200"
            decision.statusText = "OK"
            decision.userId = name
        } else {
            decision.statusCode = "400"
            decision.statusText = "client key is not authorised"
        }
        return decision
    }
}
