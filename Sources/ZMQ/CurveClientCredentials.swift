import Foundation

/// What a CURVE client presents: the server's public key and its own key pair.
public struct CurveClientCredentials: Sendable, Equatable {
    public let serverKey: String
    public let keys: CurveKeyPair

    public init(serverKey: String, keys: CurveKeyPair) {
        self.serverKey = serverKey
        self.keys = keys
    }

    /// Credentials from the two settings a client is given, each named by `serverSetting` and
    /// `keySetting` (an environment variable or a flag) in errors. `serverKey` is the Z85 key
    /// itself or the path of a file holding it; `keyFile` the client's secret key file.
    /// Neither set means a plain connection (nil); only one set is an error.
    public static func resolve(serverKey: String?, keyFile: String?,
                               serverSetting: String, keySetting: String) throws -> CurveClientCredentials? {
        switch (serverKey?.isEmpty == false ? serverKey : nil, keyFile?.isEmpty == false ? keyFile : nil) {
        case (nil, nil):
            return nil
        case (let server?, let keyFile?):
            let trimmed = server.trimmingCharacters(in: .whitespacesAndNewlines)
            let key = CurveKeyPair.isValidKey(trimmed) ? trimmed : try CurveKeyFiles.readKey(at: server)
            return CurveClientCredentials(serverKey: key, keys: try CurveKeyFiles.readKeyPair(secretFile: keyFile))
        case (nil, _):
            throw IncompleteCurveSettings(missing: serverSetting, present: keySetting, need: "the daemon's public key too")
        case (_, nil):
            throw IncompleteCurveSettings(missing: keySetting, present: serverSetting,
                                          need: "its own secret key file (make one with `reportctl keygen`)")
        }
    }
}

extension Socket {
    /// Makes this socket a CURVE client of `endpoint` when `credentials` are given and the
    /// endpoint is `tcp://`; before `connect`. ipc and inproc sockets are never CURVE on the
    /// daemon, so one set of keys serves a client whose control socket is ipc and feed is TCP.
    public func useCurve(_ credentials: CurveClientCredentials?, for endpoint: String) throws {
        guard let credentials, endpoint.hasPrefix("tcp://") else { return }
        try makeCurveClient(credentials.keys, serverKey: credentials.serverKey)
    }
}

/// One of the two CURVE client settings was given without the other.
public struct IncompleteCurveSettings: Error, CustomStringConvertible, Sendable {
    public let missing: String
    public let present: String
    public let need: String
    public var description: String { "\(present) is set but \(missing) is not: a CURVE client needs \(need)" }
}
