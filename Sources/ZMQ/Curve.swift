import CZMQ

/// A CURVE key pair in Z85 text form (40 characters each), as `zmq_curve_keypair` makes it.
public struct CurveKeyPair: Sendable, Equatable, Codable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    public static func generate() throws -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(publicKey: Self.text(publicKey), secretKey: Self.text(secretKey))
    }

    /// The pair whose secret key is `secretKey`, its public key derived with `zmq_curve_public`,
    /// so a secret key file alone is enough to act as a client or a server.
    public init(secretKey: String) throws {
        var publicKey = [CChar](repeating: 0, count: 41)
        guard Self.isValidKey(secretKey), zmq_curve_public(&publicKey, secretKey) == 0 else {
            throw ZMQError.last("zmq_curve_public")
        }
        self.init(publicKey: Self.text(publicKey), secretKey: secretKey)
    }

    /// The Z85 text of a 32-byte binary key, as ZAP requests carry the client's key.
    public static func z85(_ binaryKey: [UInt8]) -> String? {
        guard binaryKey.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&text, binaryKey, binaryKey.count) != nil else { return nil }
        return Self.text(text)
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `text` is a well-formed Z85 CURVE key (40 characters that decode to 32 bytes).
    public static func isValidKey(_ text: String) -> Bool {
        guard text.utf8.count == 40 else { return false }
        var decoded = [UInt8](repeating: 0, count: 32)
        return zmq_z85_decode(&decoded, text) != nil
    }
}

extension Socket {
    /// Makes this socket a CURVE server holding `keys`; clients must know its public key.
    public func makeCurveServer(_ keys: CurveKeyPair) throws {
        try setOption(ZMQ_CURVE_SERVER, 1)
        try setOption(ZMQ_CURVE_SECRETKEY, keys.secretKey)
    }

    /// Makes this socket a CURVE client of the server whose public key is `serverKey`.
    public func makeCurveClient(_ keys: CurveKeyPair, serverKey: String) throws {
        try setOption(ZMQ_CURVE_SERVERKEY, serverKey)
        try setOption(ZMQ_CURVE_PUBLICKEY, keys.publicKey)
        try setOption(ZMQ_CURVE_SECRETKEY, keys.secretKey)
    }
}
