import Foundation

/// The `[security]` table: whether network endpoints use CURVE, and whose keys are let in.
struct SecuritySettings: Sendable, Equatable {
    /// CURVE on every endpoint whose exposure is `.network`. Without it such endpoints are refused.
    var curve: Bool
    /// Folder of `*.key` files, one Z85 public key each: the clients allowed on the control
    /// socket and the feed (`reportctl`, subscribers).
    var authorizedKeysDirectory: URL
    /// The same for workers, allowed on the worker socket only: a worker's key must not open the
    /// control socket (retry, submit, reindex), nor a client's key serve jobs. Default: `<dataDir>/keys/workers`.
    var workerKeysDirectory: URL

    init(curve: Bool = false, authorizedKeysDirectory: URL, workerKeysDirectory: URL) {
        self.curve = curve
        self.authorizedKeysDirectory = authorizedKeysDirectory
        self.workerKeysDirectory = workerKeysDirectory
    }
}
