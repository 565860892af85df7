import Foundation

/// The `[security]` table: whether network endpoints use CURVE, and whose keys are let in.
public struct SecuritySettings: Sendable, Equatable {
    /// CURVE on every endpoint whose exposure is `.network`. Without it such endpoints are refused.
    public var curve: Bool
    /// Folder of `*.key` files, one Z85 public key each: the clients allowed to connect.
    public var authorizedKeysDirectory: URL

    public init(curve: Bool = false, authorizedKeysDirectory: URL) {
        self.curve = curve
        self.authorizedKeysDirectory = authorizedKeysDirectory
    }

    /// `<dataDir>/keys`: the daemon's own key pairs, created with mode 0700.
    public static func keysDirectory(in dataDir: URL) -> URL { dataDir.appendingPathComponent("keys") }

    public static func defaultAuthorizedKeysDirectory(in dataDir: URL) -> URL {
        keysDirectory(in: dataDir).appendingPathComponent("authorized")
    }
}
